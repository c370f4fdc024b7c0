package ec.gob.iess.claveempleador.recovery;

/** Where an assisted case stands, as the employer reads it on the case page and from the case look-up. */
public enum CaseStatus {
    /** Waiting for the employer's visit to a centre and the staff decision. */
    PENDING,
    /** Approved; no link is valid now: while the approval lasts, the employer may ask for a new one. */
    APPROVED,
    /** Approved, and a link was mailed that is still valid. */
    LINK_SENT,
    COMPLETED,
    REJECTED,
    /** The deadline to visit a centre passed, or the approval ran out before a clave was set. */
    EXPIRED
}
