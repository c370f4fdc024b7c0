package ec.gob.iess.claveempleador.audit;

import java.time.Instant;

/** One row of the audit trail as stored. */
public record AuditEntry(Instant time, String recoveryId, String caseNumber, AuditEventType event, String actor,
                         String clientAddress, String detail) {
}
