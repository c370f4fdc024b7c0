package ec.gob.iess.claveempleador.portal;

import java.util.Optional;
import java.util.function.Supplier;

import ec.gob.iess.claveempleador.identity.Cedula;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.identity.InvalidIdentityNumberException;
import ec.gob.iess.claveempleador.identity.Ruc;
import ec.gob.iess.claveempleador.identity.Sucursal;
import org.springframework.validation.Errors;

/**
 * Turns the identity fields of a form into value types, or into field errors that say what to fix.
 * Forms have already checked the digit counts; what remains are check digits and SRI rules.
 */
final class IdentityInput {

    private IdentityInput() {
    }

    /** Spaces, dots and hyphens are how people copy numbers from documents; they carry no meaning. */
    static String digitsOf(String input) {
        return input == null ? null : input.replaceAll("[\\s.\\-]", "");
    }

    static Optional<EmployerKey> employerKey(String ruc, String sucursal, Errors errors) {
        Optional<Ruc> parsedRuc = parse(() -> Ruc.parse(ruc), "ruc", "portal.field.ruc.invalid", errors);
        Optional<Sucursal> parsedSucursal = parse(() -> Sucursal.parse(sucursal), "sucursal", "portal.field.sucursal.invalid", errors);
        if (parsedRuc.isEmpty() || parsedSucursal.isEmpty()) {
            return Optional.empty();
        }
        return parse(() -> new EmployerKey(parsedRuc.get(), parsedSucursal.get()), "sucursal", "portal.field.sucursal.domestic", errors);
    }

    static Optional<Ruc> ruc(String ruc, Errors errors) {
        return parse(() -> Ruc.parse(ruc), "ruc", "portal.field.ruc.invalid", errors);
    }

    static Optional<Cedula> cedula(String cedula, String field, Errors errors) {
        return parse(() -> Cedula.parse(cedula), field, "portal.field.cedula.invalid", errors);
    }

    private static <T> Optional<T> parse(Supplier<T> parser, String field, String code, Errors errors) {
        if (errors.hasFieldErrors(field)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.get());
        } catch (InvalidIdentityNumberException e) {
            errors.rejectValue(field, code);
            return Optional.empty();
        }
    }
}
