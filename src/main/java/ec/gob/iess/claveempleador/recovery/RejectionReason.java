package ec.gob.iess.claveempleador.recovery;

import java.util.Optional;

/**
 * Why centre staff rejected a case: the list the Tasklist form offers (its values are these names). The words
 * the employer reads are {@code case.rejection.<NAME>} in the message bundles.
 */
public enum RejectionReason {
    DOCUMENTS_INCOMPLETE,
    IDENTITY_NOT_VERIFIED,
    REPRESENTATIVE_NOT_CURRENT,
    /** Staff explain it in the notes, which the employer then reads on the case page. */
    OTHER;

    public String messageKey() {
        return "case.rejection." + name();
    }

    public static Optional<RejectionReason> parse(String value) {
        for (RejectionReason reason : values()) {
            if (reason.name().equals(value)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
