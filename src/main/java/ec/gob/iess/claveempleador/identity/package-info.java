/**
 * Ecuadorian identity numbers (cédula, RUC, IESS sucursal) as value types.
 *
 * <p>Raw strings from forms or external systems are parsed once, at the edge, into these types;
 * everything further in can then rely on an instance being well formed instead of re-validating.
 * The canonical record constructors validate too, because a record cannot hide them and an
 * unchecked {@code new Cedula("x")} would otherwise defeat the guarantee.
 */
package ec.gob.iess.claveempleador.identity;
