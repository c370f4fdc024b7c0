package ec.gob.iess.claveempleador.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import ec.gob.iess.claveempleador.recovery.RecoveryStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes what the application no longer needs to keep: finished recoveries whose last change is older than
 * {@code clave.retention.recoveries}, and rate-limit counters older than {@code rate-limit-counters} (they hold
 * client addresses; the limiter itself deletes past windows only while it is being used), and audit-trail rows older
 * than {@code audit-events} (the only delete the trail allows; on PostgreSQL its trigger checks the age against the
 * retention written here first). Camunda's history cleanup does the same for the engine's history in its own window.
 *
 * <p>Every node schedules it; one runs it: the first to move {@code retention_purge.last_run_at} (one conditional
 * UPDATE), the others find it moved and skip that turn. The deletes are idempotent, so even two runs would agree.
 */
@Component
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    // Nodes fire the same schedule within moments of each other: one run per minute at most, cluster-wide.
    private static final Duration ONE_RUN_PER = Duration.ofMinutes(1);
    private static final List<String> FINISHED = Arrays.stream(RecoveryStatus.values())
            .filter(RecoveryStatus::isTerminal).map(Enum::name).toList();

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final RetentionProperties retention;
    private final Clock clock;

    RetentionPurge(JdbcClient jdbc, PlatformTransactionManager transactions, RetentionProperties retention, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(cron = "${clave.retention.purge-cron}")
    void onSchedule() {
        purge();
    }

    /** Runs the purge unless another node has just run it (then empty). */
    public Optional<Purged> purge() {
        // One transaction: the claimed row stays locked until the deletes commit, so a second node waits and skips.
        return transaction.execute(status -> purgeAt(clock.instant()));
    }

    private Optional<Purged> purgeAt(Instant now) {
        int claimed = jdbc.sql("UPDATE retention_purge SET last_run_at = ? WHERE id = 1 AND last_run_at <= ?")
                .params(Timestamp.from(now), Timestamp.from(now.minus(ONE_RUN_PER)))
                .update();
        if (claimed == 0) {
            log.debug("Retention purge skipped: another node ran it less than {} ago", ONE_RUN_PER);
            return Optional.empty();
        }
        int recoveries = jdbc.sql("DELETE FROM recovery WHERE updated_at < :cutoff AND status IN (:finished)")
                .param("cutoff", Timestamp.from(now.minus(retention.recoveries())))
                .param("finished", FINISHED)
                .update();
        int counters = jdbc.sql("DELETE FROM rate_limit_counter WHERE window_start < ?")
                .param(Timestamp.from(now.minus(retention.rateLimitCounters())))
                .update();
        jdbc.sql("UPDATE audit_retention SET keep_days = ? WHERE id = 1").param(retention.auditEvents().toDays()).update();
        int auditEvents = jdbc.sql("DELETE FROM audit_event WHERE occurred_at < ?")
                .param(Timestamp.from(now.minus(retention.auditEvents())))
                .update();
        log.info("Retention purge deleted {} finished recoveries older than {}, {} rate-limit counters older than {} and {} audit events older than {}",
                recoveries, retention.recoveries(), counters, retention.rateLimitCounters(), auditEvents, retention.auditEvents());
        return Optional.of(new Purged(recoveries, counters, auditEvents));
    }

    public record Purged(int recoveries, int rateLimitCounters, int auditEvents) {
    }
}
