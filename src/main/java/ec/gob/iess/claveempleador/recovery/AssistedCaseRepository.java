package ec.gob.iess.claveempleador.recovery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import ec.gob.iess.claveempleador.identity.EmployerKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AssistedCaseRepository {

    private static final String SELECT = """
            SELECT r.id, r.process_instance_id, r.ruc, r.sucursal, r.status, r.assisted_reason, r.case_number, r.link_expires_at,
                   c.deadline, c.approval_expires_at, c.link_resends_left, c.rejection_reason, c.rejection_notes
              FROM recovery r LEFT JOIN assisted_case c ON c.recovery_id = r.id""";

    private final JdbcClient jdbc;
    private final Clock clock;

    AssistedCaseRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void open(String recoveryId, Instant deadline) {
        jdbc.sql("INSERT INTO assisted_case (recovery_id, deadline) VALUES (?, ?)")
                .params(recoveryId, Timestamp.from(deadline))
                .update();
    }

    Optional<AssistedCase> findByCaseNumber(String caseNumber) {
        return jdbc.sql(SELECT + " WHERE r.case_number = ?").param(caseNumber).query(this::map).optional();
    }

    Optional<AssistedCase> find(String recoveryId) {
        return jdbc.sql(SELECT + " WHERE r.id = ? AND r.case_number IS NOT NULL").param(recoveryId).query(this::map).optional();
    }

    void approve(String recoveryId, Instant approvalExpiresAt, int linkResends) {
        jdbc.sql("UPDATE assisted_case SET approval_expires_at = ?, link_resends_left = ? WHERE recovery_id = ?")
                .params(Timestamp.from(approvalExpiresAt), linkResends, recoveryId)
                .update();
    }

    /** The rejection is recorded with the decision, so the case page shows it before the notice mail has gone. */
    void reject(String recoveryId, RejectionReason reason, String notes) {
        jdbc.sql("UPDATE assisted_case SET rejection_reason = ?, rejection_notes = ? WHERE recovery_id = ?")
                .params(reason.name(), notes, recoveryId)
                .update();
        jdbc.sql("UPDATE recovery SET status = ?, updated_at = ? WHERE id = ?")
                .params(RecoveryStatus.ASSISTED_REJECTED.name(), now(), recoveryId)
                .update();
    }

    /** The link window closed: the link's sealed copy goes, and the case waits for the employer's request. */
    void awaitNewLink(String recoveryId) {
        jdbc.sql("UPDATE recovery SET status = ?, link_sealed = NULL, mail_delivery = NULL, updated_at = ? WHERE id = ?")
                .params(RecoveryStatus.ASSISTED_APPROVED.name(), now(), recoveryId)
                .update();
    }

    void spendLinkResend(String recoveryId) {
        jdbc.sql("UPDATE assisted_case SET link_resends_left = link_resends_left - 1 WHERE recovery_id = ?")
                .param(recoveryId)
                .update();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private AssistedCase map(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("assisted_reason");
        String rejection = rs.getString("rejection_reason");
        return new AssistedCase(
                rs.getString("id"),
                rs.getString("process_instance_id"),
                EmployerKey.of(rs.getString("ruc"), rs.getString("sucursal")),
                RecoveryStatus.valueOf(rs.getString("status")),
                reason == null ? null : AssistedReason.valueOf(reason),
                rs.getString("case_number"),
                instant(rs.getTimestamp("link_expires_at")),
                instant(rs.getTimestamp("deadline")),
                instant(rs.getTimestamp("approval_expires_at")),
                (Integer) rs.getObject("link_resends_left"),
                rejection == null ? null : RejectionReason.valueOf(rejection),
                rs.getString("rejection_notes"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
