package ec.gob.iess.claveempleador.identity;

import java.io.Serializable;

/** An IESS employer sucursal (branch) number: exactly 4 digits, {@code 0001}–{@code 9999}. */
public record Sucursal(String value) implements Serializable {

    /** The first sucursal, the only one a domestic-service employer can have. */
    public static final Sucursal MAIN = new Sucursal("0001");

    public Sucursal {
        if (!IdentityDigits.isAsciiDigits(value, 4)) {
            throw new InvalidIdentityNumberException(
                    InvalidIdentityNumberException.Reason.FORMAT, "A sucursal must be exactly 4 digits");
        }
        if ("0000".equals(value)) {
            throw new InvalidIdentityNumberException(
                    InvalidIdentityNumberException.Reason.SUCURSAL, "Sucursal 0000 does not exist");
        }
    }

    public static Sucursal parse(String value) {
        return new Sucursal(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
