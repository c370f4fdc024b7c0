package ec.gob.iess.claveempleador.identity;

import java.io.Serializable;
import java.util.Objects;

/**
 * Identifies an IESS employer account: the employer's RUC plus the sucursal registered under it.
 * Serializable because the portal hands it to the next page as a flash attribute, kept in the shared
 * session store (a record is deserialized through its constructor, so the checks run again).
 */
public record EmployerKey(Ruc ruc, Sucursal sucursal) implements Serializable {

    public EmployerKey {
        // Null here is a programming error, not bad user input, hence not an identity exception.
        Objects.requireNonNull(ruc, "ruc");
        Objects.requireNonNull(sucursal, "sucursal");
        if (ruc.isDomesticService() && !Sucursal.MAIN.equals(sucursal)) {
            throw new InvalidIdentityNumberException(
                    InvalidIdentityNumberException.Reason.DOMESTIC_SERVICE_SUCURSAL,
                    "A domestic-service employer only has sucursal 0001");
        }
    }

    public static EmployerKey of(String ruc, String sucursal) {
        return new EmployerKey(Ruc.parse(ruc), Sucursal.parse(sucursal));
    }

    /** The 13 RUC digits followed by the 4 sucursal digits; both are fixed-width, so no separator. */
    @Override
    public String toString() {
        return ruc.value() + sucursal.value();
    }
}
