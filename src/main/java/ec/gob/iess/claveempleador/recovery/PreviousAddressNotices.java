package ec.gob.iess.claveempleador.recovery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

import ec.gob.iess.claveempleador.config.Ecuador;
import ec.gob.iess.claveempleador.audit.AuditEventType;
import ec.gob.iess.claveempleador.employer.Employer;
import ec.gob.iess.claveempleador.employer.EmployerRegistry;
import ec.gob.iess.claveempleador.mail.MailComposer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * When centre staff replace an employer's valid address with another, the old address is told (who, when, where,
 * and what to do if the employer did not ask for it): someone who talked a centre into registering their own
 * address would otherwise take over the employer's clave unnoticed. The old address is kept only until that
 * mail is sent, by its own job with retries ({@code ${notifyPreviousAddressDelegate}} in the model).
 */
@Service
public class PreviousAddressNotices {

    private static final Logger log = LoggerFactory.getLogger(PreviousAddressNotices.class);
    private static final DateTimeFormatter WHEN = Ecuador.DATE_TIME;

    private final JdbcClient jdbc;
    private final RecoveryRepository recoveries;
    private final EmployerRegistry registry;
    private final MailComposer mail;
    private final RecoveryAudit audit;
    private final Clock clock;

    PreviousAddressNotices(JdbcClient jdbc, RecoveryRepository recoveries, EmployerRegistry registry, MailComposer mail,
                           RecoveryAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.recoveries = recoveries;
        this.registry = registry;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
    }

    /** Before {@code newEmail} replaces what is registered: keeps the old valid address, if it differs, for the notice. */
    void prepare(String recoveryId, Employer before, String newEmail) {
        Optional<String> previous = before.usableEmail().filter(old -> !old.equalsIgnoreCase(newEmail));
        previous.ifPresent(old -> jdbc.sql("""
                        INSERT INTO previous_address_notice (recovery_id, email, masked_new, registered_at) VALUES (?, ?, ?, ?)""")
                .params(recoveryId, old, Employer.mask(newEmail), Timestamp.from(clock.instant()))
                .update());
    }

    /** Whether a notice waits to be sent (the model's gateway after the registration asks). */
    public boolean pending(String recoveryId) {
        return jdbc.sql("SELECT COUNT(*) FROM previous_address_notice WHERE recovery_id = ?").param(recoveryId).query(Integer.class).single() > 0;
    }

    /** Sends the notice and forgets the old address, in the mail job's transaction. */
    public void send(String recoveryId) {
        Optional<Notice> notice = jdbc.sql("SELECT email, masked_new, registered_at FROM previous_address_notice WHERE recovery_id = ?")
                .param(recoveryId)
                .query((rs, n) -> new Notice(rs.getString("email"), rs.getString("masked_new"), rs.getTimestamp("registered_at").toInstant()))
                .optional();
        if (notice.isEmpty()) {
            log.warn("Recovery {}: no notice for a previous address left to mail", recoveryId);
            return;
        }
        Recovery recovery = recoveries.find(recoveryId).orElseThrow(() -> new IllegalStateException("no recovery " + recoveryId));
        Employer employer = registry.find(recovery.employer()).orElseThrow(() -> new IllegalStateException("employer left the registry"));
        mail.send(notice.get().email(), "previous-address", recovery.language().locale(), Map.of(
                "employerName", employer.name(),
                "ruc", employer.key().ruc().toString(),
                "sucursal", employer.key().sucursal().toString(),
                "caseNumber", recovery.caseNumber() == null ? "" : recovery.caseNumber(),
                "maskedNew", notice.get().maskedNew(),
                "registeredAt", WHEN.format(notice.get().registeredAt())));
        jdbc.sql("DELETE FROM previous_address_notice WHERE recovery_id = ?").param(recoveryId).update();
        audit.record(recoveryId, AuditEventType.PREVIOUS_ADDRESS_NOTIFIED, Employer.mask(notice.get().email()));
        log.info("Recovery {}: the previous address was told of the new one", recoveryId);
    }

    private record Notice(String email, String maskedNew, Instant registeredAt) {
    }
}
