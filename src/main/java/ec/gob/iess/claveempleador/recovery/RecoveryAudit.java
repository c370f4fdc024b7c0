package ec.gob.iess.claveempleador.recovery;

import java.util.EnumMap;
import java.util.Map;

import ec.gob.iess.claveempleador.audit.AuditEvent;
import ec.gob.iess.claveempleador.audit.AuditEventType;
import ec.gob.iess.claveempleador.audit.AuditTrail;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import org.springframework.stereotype.Component;

/**
 * Puts a step of a recovery on the audit trail, with the recovery's employer and case number as stored. Call it
 * from inside the step (a delegate, a listener, a service's transaction): the row then commits with the step.
 */
@Component
public class RecoveryAudit {

    /**
     * The outcomes the process records at its end events, as the audit trail names them (COMPLETED is CLAVE_SET, recorded
     * when the clave is stored; ASSISTED_REJECTED is REJECTED, recorded with the clerk's decision).
     */
    private static final Map<RecoveryStatus, AuditEventType> OUTCOMES = new EnumMap<>(Map.of(
            RecoveryStatus.VALIDATION_REJECTED, AuditEventType.VALIDATION_REJECTED,
            RecoveryStatus.OTP_EXPIRED, AuditEventType.CODE_EXPIRED,
            RecoveryStatus.OTP_LOCKED, AuditEventType.CODE_LOCKED,
            RecoveryStatus.LINK_EXPIRED, AuditEventType.LINK_EXPIRED,
            RecoveryStatus.ASSISTED_EXPIRED, AuditEventType.CASE_EXPIRED,
            RecoveryStatus.SUPERSEDED, AuditEventType.SUPERSEDED));

    private final RecoveryRepository recoveries;
    private final AuditTrail trail;

    RecoveryAudit(RecoveryRepository recoveries, AuditTrail trail) {
        this.recoveries = recoveries;
        this.trail = trail;
    }

    public void record(String recoveryId, AuditEventType type) {
        record(recoveryId, type, null);
    }

    /** {@code detail}: a short non-secret fact (masked address, attempts left); never a code, token, clave or full address. */
    public void record(String recoveryId, AuditEventType type, String detail) {
        record(recoveries.find(recoveryId).orElseThrow(() -> new IllegalStateException("no recovery " + recoveryId)), type, detail);
    }

    /** The same, for a step that has the recovery in hand: its employer and case number do not change, so no second read. */
    void record(Recovery recovery, AuditEventType type, String detail) {
        record(recovery.id(), recovery.employer(), recovery.caseNumber(), type, detail);
    }

    /** The same, for the steps that make the recovery's row (they know what they just wrote). */
    void record(String recoveryId, EmployerKey employer, String caseNumber, AuditEventType type, String detail) {
        trail.record(AuditEvent.of(recoveryId, employer, caseNumber, type).withDetail(detail));
    }

    /** How the recovery ended, when the trail names that end. */
    void outcome(String recoveryId, RecoveryStatus status) {
        AuditEventType type = OUTCOMES.get(status);
        if (type != null) {
            record(recoveryId, type);
        }
    }
}
