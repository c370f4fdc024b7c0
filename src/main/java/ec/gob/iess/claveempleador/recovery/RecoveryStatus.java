package ec.gob.iess.claveempleador.recovery;

/** Where a recovery stands, as the public API reports it. */
public enum RecoveryStatus {
    VALIDATING(false),
    AWAITING_OTP(false),
    AWAITING_NEW_PASSWORD(false),
    ASSISTED_PENDING(false),
    /** Approved by a centre, its link expired or never arrived: the employer may ask for a new one on the case page. */
    ASSISTED_APPROVED(false),
    COMPLETED(true),
    VALIDATION_REJECTED(true),
    OTP_EXPIRED(true),
    OTP_LOCKED(true),
    LINK_EXPIRED(true),
    ASSISTED_REJECTED(true),
    ASSISTED_EXPIRED(true),
    SUPERSEDED(true);

    private final boolean terminal;

    RecoveryStatus(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean isTerminal() {
        return terminal;
    }
}
