package ec.gob.iess.claveempleador.identity;

/** What kind of taxpayer a RUC identifies, as encoded in its third digit and establishment. */
public enum RucKind {
    /** Third digit 0–5 with an establishment 001–999: a person's cédula plus an establishment. */
    NATURAL_PERSON,
    /** Third digit 0–5 with establishment 000: a person employing domestic workers. */
    DOMESTIC_SERVICE,
    /** Third digit 9. */
    PRIVATE_COMPANY,
    /** Third digit 6. */
    PUBLIC_ENTITY
}
