package ec.gob.iess.claveempleador.identity;

import java.util.Objects;

/**
 * Thrown when a string is not a valid identity number.
 *
 * <p>Callers are expected to branch on {@link #reason()} (for instance to pick a user-facing
 * message), never on the exception message, which is free text. The message deliberately never
 * echoes the rejected input: a cédula is personal data, and arbitrary user input must not reach
 * the logs verbatim.
 */
public class InvalidIdentityNumberException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a number was rejected. The constants are part of the API: do not rename them. */
    public enum Reason {
        /** Null, blank, wrong length or characters other than ASCII digits. */
        FORMAT,
        /** The first two digits are not a province code (01–24 or 30). */
        PROVINCE,
        /** The third digit does not denote a kind of number that exists. */
        THIRD_DIGIT,
        /** The check digit does not match (only for checks that are enforced strictly). */
        CHECK_DIGIT,
        /** The establishment part of a RUC is all zeros where that is not allowed. */
        ESTABLISHMENT,
        /** The IESS sucursal number is {@code 0000}. */
        SUCURSAL,
        /** A domestic-service employer has only one sucursal, {@code 0001}. */
        DOMESTIC_SERVICE_SUCURSAL
    }

    private final Reason reason;

    public InvalidIdentityNumberException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
