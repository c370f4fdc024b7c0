package ec.gob.iess.claveempleador.audit;

/**
 * What happened to a recovery, as the audit trail names it. The names are stored: add new ones, never rename.
 * {@link #words()} is how staff read the outcome on the assisted-attention form.
 */
public enum AuditEventType {
    STARTED("iniciada"),
    VALIDATION_REJECTED("datos no coinciden"),
    CODE_SENT("código enviado"),
    CODE_WRONG("código incorrecto"),
    CODE_ACCEPTED("código aceptado"),
    CODE_LOCKED("código bloqueado"),
    CODE_EXPIRED("código expirado"),
    LINK_SENT("enlace enviado"),
    LINK_EXPIRED("enlace expirado"),
    CLAVE_SET("clave restablecida"),
    SUPERSEDED("reemplazada por una nueva solicitud"),
    CASE_OPENED("caso abierto"),
    APPROVED("aprobado"),
    REJECTED("rechazado"),
    EMAIL_REGISTERED("correo registrado"),
    PREVIOUS_ADDRESS_NOTIFIED("aviso enviado al correo anterior"),
    NEW_LINK_REQUESTED("nuevo enlace solicitado"),
    CASE_EXPIRED("caso vencido"),
    APPROVAL_EXPIRED("aprobación vencida"),
    MAIL_FAILED("correo no enviado");

    private final String words;

    AuditEventType(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** A staff member's decision on a case: the form names who made it. */
    public boolean isDecision() {
        return this == APPROVED || this == REJECTED;
    }

    /** Ends a recovery: what the earlier-cases table shows as its outcome. */
    public boolean isOutcome() {
        return switch (this) {
            case VALIDATION_REJECTED, CODE_LOCKED, CODE_EXPIRED, LINK_EXPIRED, CLAVE_SET, SUPERSEDED, REJECTED, CASE_EXPIRED,
                 APPROVAL_EXPIRED -> true;
            default -> false;
        };
    }
}
