package ec.gob.iess.claveempleador.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import ec.gob.iess.claveempleador.identity.Cedula;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.identity.InvalidIdentityNumberException;
import ec.gob.iess.claveempleador.identity.Ruc;
import ec.gob.iess.claveempleador.identity.Sucursal;

/**
 * Parses request fields into the identity value types once, at the edge. Bean Validation has already
 * checked the digits; what is left (province, check digit, sucursal 0000…) is reported per field, all at once.
 */
final class IdentityFields {

    private final List<FieldProblem> problems = new ArrayList<>();

    static EmployerKey employerKey(String ruc, String sucursal) {
        IdentityFields fields = new IdentityFields();
        EmployerKey key = fields.employer(ruc, sucursal);
        fields.throwIfInvalid();
        return key;
    }

    static Applicant employerAndRepresentative(String ruc, String sucursal, String representativeId) {
        IdentityFields fields = new IdentityFields();
        EmployerKey key = fields.employer(ruc, sucursal);
        Cedula representative = fields.parse("representativeId", representativeId, Cedula::parse);
        fields.throwIfInvalid();
        return new Applicant(key, representative);
    }

    record Applicant(EmployerKey employer, Cedula representative) {
    }

    /** A case look-up names the RUC (its case knows the sucursal) and the representative. */
    static CaseHolder rucAndRepresentative(String ruc, String representativeId) {
        IdentityFields fields = new IdentityFields();
        Ruc parsedRuc = fields.parse("ruc", ruc, Ruc::parse);
        Cedula representative = fields.parse("representativeId", representativeId, Cedula::parse);
        fields.throwIfInvalid();
        return new CaseHolder(parsedRuc, representative);
    }

    record CaseHolder(Ruc ruc, Cedula representative) {
    }

    private EmployerKey employer(String rucValue, String sucursalValue) {
        Ruc ruc = parse("ruc", rucValue, Ruc::parse);
        Sucursal sucursal = parse("sucursal", sucursalValue, Sucursal::parse);
        if (ruc == null || sucursal == null) {
            return null;
        }
        return parse("sucursal", sucursal, s -> new EmployerKey(ruc, s));
    }

    private <S, T> T parse(String field, S value, Function<S, T> parser) {
        try {
            return parser.apply(value);
        } catch (InvalidIdentityNumberException e) {
            problems.add(new FieldProblem(field, e.reason().name()));
            return null;
        }
    }

    private void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
    }
}
