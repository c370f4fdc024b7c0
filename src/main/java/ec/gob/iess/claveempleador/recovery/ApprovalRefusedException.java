package ec.gob.iess.claveempleador.recovery;

/** Centre staff tried to approve an assisted case that does not meet the conditions for approval. */
public class ApprovalRefusedException extends RuntimeException {

    /** Which condition failed; staff read its sentence from {@code staff.refusal.*} in the message bundles. */
    public enum Condition {
        IDENTITY_NOT_VERIFIED,
        EMAIL_INVALID,
        EMAIL_MISSING;

        public String messageKey() {
            return "staff.refusal." + name();
        }
    }

    private final Condition condition;

    public ApprovalRefusedException(Condition condition, String message) {
        super(message);
        this.condition = condition;
    }

    public Condition condition() {
        return condition;
    }
}
