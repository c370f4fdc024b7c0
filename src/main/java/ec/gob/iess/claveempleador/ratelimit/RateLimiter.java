package ec.gob.iess.claveempleador.ratelimit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fixed-window rate limits counted in the database, so that every node of a cluster sees the same counts.
 * A call is allowed when it can raise its window's counter without passing the limit; the raise is one
 * conditional UPDATE, so concurrent calls (on any node) never let more than {@code max} through.
 *
 * <p>Knows nothing of HTTP: the API and the pages pass whatever subject their limit is about.
 */
@Component
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final int ATTEMPTS = 5;
    private static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(1);
    private static final int MAX_SUBJECT_LENGTH = 128;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final RateLimitProperties properties;
    private final Clock clock;
    private final Duration longestWindow;
    private final AtomicReference<Instant> lastCleanup = new AtomicReference<>(Instant.MIN);

    RateLimiter(JdbcClient jdbc, PlatformTransactionManager transactions, RateLimitProperties properties, Clock clock) {
        this.jdbc = jdbc;
        // Every count stands on its own: a caller's rollback must not give back the attempt it made, and on
        // PostgreSQL a failed INSERT would poison the caller's transaction.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.clock = clock;
        this.longestWindow = Arrays.stream(RateLimit.values()).filter(RateLimit::isFixedWindow).map(l -> properties.rule(l).window())
                .max(Duration::compareTo).orElseThrow();
    }

    /**
     * Counts one call of {@code subject} against {@code limit}.
     *
     * @throws RateLimitExceededException when the subject has no calls left in the current window
     */
    public void check(RateLimit limit, String subject) {
        RateLimitProperties.Rule rule = properties.rule(limit);
        Instant now = clock.instant();
        Instant windowStart = windowStart(now, rule.window());
        Counter counter = new Counter(limit.name(), bounded(subject), Timestamp.from(windowStart));
        if (!count(counter, rule.max())) {
            throw new RateLimitExceededException(limit, Duration.between(now, windowStart.plus(rule.window())));
        }
    }

    private boolean count(Counter counter, int max) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (increment(counter, max)) {
                    return true;
                }
                try {
                    inTransaction(() -> jdbc.sql("""
                                    INSERT INTO rate_limit_counter (limit_name, subject, window_start, hits)
                                    VALUES (?, ?, ?, 1)""")
                            .params(counter.limit(), counter.subject(), counter.windowStart())
                            .update());
                    cleanUpNowAndThen(clock.instant());
                    return true;
                } catch (DuplicateKeyException e) {
                    // Another call (maybe on another node) opened the window first: count on its row.
                    return increment(counter, max);
                }
            } catch (ConcurrencyFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private boolean increment(Counter counter, int max) {
        int updated = inTransaction(() -> jdbc.sql("""
                        UPDATE rate_limit_counter SET hits = hits + 1
                        WHERE limit_name = ? AND subject = ? AND window_start = ? AND hits < ?""")
                .params(counter.limit(), counter.subject(), counter.windowStart(), max)
                .update());
        return updated == 1;
    }

    /** Past windows are deleted on the way, at most once a minute per node, instead of by a scheduler. */
    private void cleanUpNowAndThen(Instant now) {
        Instant last = lastCleanup.get();
        if (last.isAfter(now.minus(CLEANUP_INTERVAL)) || !lastCleanup.compareAndSet(last, now)) {
            return;
        }
        try {
            int deleted = inTransaction(() -> jdbc.sql("DELETE FROM rate_limit_counter WHERE window_start < ?")
                    .param(Timestamp.from(now.minus(longestWindow)))
                    .update());
            log.debug("Deleted {} rate-limit counters of past windows", deleted);
        } catch (DataAccessException e) {
            log.warn("Could not delete past rate-limit counters; will try again", e);
        }
    }

    private <T> T inTransaction(Supplier<T> work) {
        return ownTransaction.execute(status -> work.get());
    }

    /** Windows are aligned to the epoch, so every node agrees where a window starts. */
    static Instant windowStart(Instant now, Duration window) {
        long windowMillis = window.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis);
    }

    private static String bounded(String subject) {
        String value = subject == null || subject.isEmpty() ? "-" : subject;
        return value.length() > MAX_SUBJECT_LENGTH ? value.substring(0, MAX_SUBJECT_LENGTH) : value;
    }

    private record Counter(String limit, String subject, Timestamp windowStart) {
    }
}
