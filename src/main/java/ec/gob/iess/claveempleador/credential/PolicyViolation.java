package ec.gob.iess.claveempleador.credential;

/** Why a proposed clave is refused. The message key is {@code password.violation.<code>}. */
public enum PolicyViolation {
    TOO_SHORT,
    TOO_LONG,
    TOO_GUESSABLE,
    CONTAINS_IDENTITY;

    public String messageKey() {
        return "password.violation." + name();
    }
}
