package ec.gob.iess.claveempleador.recovery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import ec.gob.iess.claveempleador.identity.EmployerKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RecoveryRepository {

    private static final String COLUMNS = """
            id, process_instance_id, ruc, sucursal, channel, status, assisted_reason, case_number, masked_email,
            otp_hmac, otp_sealed, otp_expires_at, otp_attempts_left, link_token_hash, link_sealed, link_expires_at,
            mail_delivery, otp_issued_at, otp_resends, language""";

    private final JdbcClient jdbc;
    private final Clock clock;

    RecoveryRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insert(String id, String processInstanceId, EmployerKey employer, Channel channel, Language language) {
        Timestamp now = now();
        jdbc.sql("""
                        INSERT INTO recovery (id, process_instance_id, ruc, sucursal, channel, status, language, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, processInstanceId, employer.ruc().toString(), employer.sucursal().toString(),
                        channel.name(), RecoveryStatus.VALIDATING.name(), language.tag(), now, now)
                .update();
    }

    Optional<Recovery> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM recovery WHERE id = ?").param(id).query(this::map).optional();
    }

    /** A recovery that must exist: the process or a step already holds its id. */
    Recovery get(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException("no recovery " + id));
    }

    /**
     * Reads the row and holds it until the transaction ends, so the steps of one recovery (a code, a clave,
     * a supersession, a timer ending a window) happen one after the other, each seeing what the last decided.
     */
    Optional<Recovery> lock(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM recovery WHERE id = ? FOR UPDATE").param(id).query(this::map).optional();
    }

    Optional<Recovery> findByLinkTokenHash(String hash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM recovery WHERE link_token_hash = ?").param(hash).query(this::map).optional();
    }

    /** Newest first; two started in the same instant are ordered by id, the same way for every caller. */
    List<Recovery> findByEmployerAndStatus(EmployerKey employer, List<RecoveryStatus> statuses) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM recovery WHERE ruc = :ruc AND sucursal = :sucursal AND status IN (:statuses)"
                        + " ORDER BY created_at DESC, id DESC")
                .param("ruc", employer.ruc().toString())
                .param("sucursal", employer.sucursal().toString())
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .query(this::map)
                .list();
    }

    void updateStatus(String id, RecoveryStatus status) {
        jdbc.sql("UPDATE recovery SET status = ?, updated_at = ? WHERE id = ?").params(status.name(), now(), id).update();
    }

    void markRejected(String id) {
        updateStatus(id, RecoveryStatus.VALIDATION_REJECTED);
    }

    void markOnline(String id, String maskedEmail) {
        jdbc.sql("UPDATE recovery SET status = ?, masked_email = ?, updated_at = ? WHERE id = ?")
                .params(RecoveryStatus.AWAITING_OTP.name(), maskedEmail, now(), id)
                .update();
    }

    void markAssisted(String id, AssistedReason reason, String caseNumber, String maskedEmail) {
        jdbc.sql("""
                        UPDATE recovery SET status = ?, assisted_reason = ?, case_number = ?, masked_email = ?, updated_at = ?
                         WHERE id = ?""")
                .params(RecoveryStatus.ASSISTED_PENDING.name(), reason.name(), caseNumber, maskedEmail, now(), id)
                .update();
    }

    /**
     * A code replaces the one before it (if any) with its own window and attempts; every code after the first
     * counts as a resend.
     */
    void storeOtp(String id, String hmac, String sealed, Instant expiresAt, int attempts) {
        Timestamp now = now();
        jdbc.sql("""
                        UPDATE recovery SET status = ?, otp_hmac = ?, otp_sealed = ?, otp_expires_at = ?, otp_attempts_left = ?,
                               otp_resends = CASE WHEN otp_expires_at IS NULL THEN otp_resends ELSE otp_resends + 1 END,
                               otp_issued_at = ?, mail_delivery = ?, updated_at = ? WHERE id = ?""")
                .params(RecoveryStatus.AWAITING_OTP.name(), hmac, sealed, Timestamp.from(expiresAt), attempts, now,
                        MailDelivery.PENDING.name(), now, id)
                .update();
    }

    void updateOtpAttempts(String id, int attemptsLeft) {
        jdbc.sql("UPDATE recovery SET otp_attempts_left = ?, updated_at = ? WHERE id = ?").params(attemptsLeft, now(), id).update();
    }

    /** The code is spent: only the fact that it was accepted remains. */
    void acceptOtp(String id) {
        jdbc.sql("UPDATE recovery SET status = ?, otp_hmac = NULL, otp_sealed = NULL, updated_at = ? WHERE id = ?")
                .params(RecoveryStatus.AWAITING_NEW_PASSWORD.name(), now(), id)
                .update();
    }

    /** The code is in the mail: its sealed copy goes, and the code step (if the recovery is still there) reads "sent". */
    void markCodeMailed(String id) {
        jdbc.sql("""
                        UPDATE recovery SET otp_sealed = NULL, mail_delivery = CASE WHEN status = ? THEN ? ELSE mail_delivery END,
                               updated_at = ? WHERE id = ?""")
                .params(RecoveryStatus.AWAITING_OTP.name(), MailDelivery.SENT.name(), now(), id)
                .update();
    }

    void storeLink(String id, String tokenHash, String sealed, Instant expiresAt) {
        jdbc.sql("""
                        UPDATE recovery SET status = ?, link_token_hash = ?, link_sealed = ?, link_expires_at = ?, mail_delivery = ?,
                               updated_at = ? WHERE id = ?""")
                .params(RecoveryStatus.AWAITING_NEW_PASSWORD.name(), tokenHash, sealed, Timestamp.from(expiresAt),
                        MailDelivery.PENDING.name(), now(), id)
                .update();
    }

    /** The link is in the mail; see {@link #markCodeMailed}. */
    void markLinkMailed(String id) {
        jdbc.sql("""
                        UPDATE recovery SET link_sealed = NULL, mail_delivery = CASE WHEN status = ? THEN ? ELSE mail_delivery END,
                               updated_at = ? WHERE id = ?""")
                .params(RecoveryStatus.AWAITING_NEW_PASSWORD.name(), MailDelivery.SENT.name(), now(), id)
                .update();
    }

    /**
     * Records how the mail of a step went. Only while the recovery is still at that step: a late word about
     * the code mail must not overwrite what is known about the link mail.
     */
    void recordMailDelivery(String id, RecoveryStatus step, MailDelivery delivery) {
        jdbc.sql("UPDATE recovery SET mail_delivery = ?, updated_at = ? WHERE id = ? AND status = ?")
                .params(delivery.name(), now(), id, step.name())
                .update();
    }

    /** A terminal status also erases whatever secret material is left. */
    void finish(String id, RecoveryStatus status) {
        jdbc.sql("""
                        UPDATE recovery SET status = ?, otp_hmac = NULL, otp_sealed = NULL, link_sealed = NULL, updated_at = ?
                         WHERE id = ?""")
                .params(status.name(), now(), id)
                .update();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private Recovery map(ResultSet rs, int row) throws SQLException {
        return new Recovery(
                rs.getString("id"),
                rs.getString("process_instance_id"),
                EmployerKey.of(rs.getString("ruc"), rs.getString("sucursal")),
                Channel.valueOf(rs.getString("channel")),
                RecoveryStatus.valueOf(rs.getString("status")),
                enumOrNull(rs.getString("assisted_reason")),
                rs.getString("case_number"),
                rs.getString("masked_email"),
                rs.getString("otp_hmac"),
                rs.getString("otp_sealed"),
                instant(rs.getTimestamp("otp_expires_at")),
                (Integer) rs.getObject("otp_attempts_left"),
                rs.getString("link_token_hash"),
                rs.getString("link_sealed"),
                instant(rs.getTimestamp("link_expires_at")),
                mailDeliveryOrNull(rs.getString("mail_delivery")),
                instant(rs.getTimestamp("otp_issued_at")),
                rs.getInt("otp_resends"),
                Language.parse(rs.getString("language")).orElse(Language.SPANISH));
    }

    private static MailDelivery mailDeliveryOrNull(String value) {
        return value == null ? null : MailDelivery.valueOf(value);
    }

    private static AssistedReason enumOrNull(String value) {
        return value == null ? null : AssistedReason.valueOf(value);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
