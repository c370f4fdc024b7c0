package ec.gob.iess.claveempleador.recovery;

/** The result of checking a submitted code. */
public enum OtpCheck {
    ACCEPTED,
    REJECTED,
    LOCKED,
    EXPIRED
}
