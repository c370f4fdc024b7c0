package ec.gob.iess.claveempleador.audit;

import java.util.Objects;

import ec.gob.iess.claveempleador.identity.EmployerKey;

/**
 * One step of one recovery, as the caller knows it. Time, actor and client address are added by
 * {@link AuditTrail#record}. {@code detail} is a short, non-secret fact (a masked address, attempts left,
 * which mail): never a code, a token, a clave or a full e-mail address.
 */
public record AuditEvent(String recoveryId, EmployerKey employer, String caseNumber, AuditEventType type, String detail) {

    /** A detail longer than the column is cut, never refused: the step it records must not fail for it. */
    static final int DETAIL_LENGTH = 200;

    public AuditEvent {
        Objects.requireNonNull(recoveryId, "recoveryId");
        Objects.requireNonNull(employer, "employer");
        Objects.requireNonNull(type, "type");
        if (detail != null && detail.length() > DETAIL_LENGTH) {
            detail = detail.substring(0, DETAIL_LENGTH);
        }
    }

    public static AuditEvent of(String recoveryId, EmployerKey employer, String caseNumber, AuditEventType type) {
        return new AuditEvent(recoveryId, employer, caseNumber, type, null);
    }

    public AuditEvent withDetail(String detail) {
        return new AuditEvent(recoveryId, employer, caseNumber, type, detail);
    }
}
