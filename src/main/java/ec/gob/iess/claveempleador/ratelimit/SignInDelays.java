package ec.gob.iess.claveempleador.ratelimit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import ec.gob.iess.claveempleador.identity.EmployerKey;
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
 * Failed sign-ins per (employer, client) pair, in the database so that every node sees them. A pair that keeps
 * failing waits longer and longer between tries ({@link RateLimitProperties.SignInDelay}); nothing ever locks, and
 * one client's failures never make another client wait.
 */
@Component
class SignInDelays {

    private static final Logger log = LoggerFactory.getLogger(SignInDelays.class);
    private static final int ATTEMPTS = 5;
    private static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(1);
    private static final int MAX_CLIENT_LENGTH = 128;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final RateLimitProperties.SignInDelay delays;
    private final Clock clock;
    private final AtomicReference<Instant> lastCleanup = new AtomicReference<>(Instant.MIN);

    SignInDelays(JdbcClient jdbc, PlatformTransactionManager transactions, RateLimitProperties properties, Clock clock) {
        this.jdbc = jdbc;
        // Like the rate-limit counters: a failure stays counted whatever becomes of the caller's transaction.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.delays = properties.signInDelay();
        this.clock = clock;
    }

    /**
     * Lets the pair try now, or throws how long it must still wait. A try that would be followed by a wait claims
     * its slot first, so that a burst of parallel tries from one pair gets one through, not all of them.
     *
     * @throws RateLimitExceededException when the pair's wait has not passed yet
     */
    void claimAttempt(EmployerKey employer, String client) {
        Pair pair = new Pair(employer.toString(), bounded(client));
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            Optional<Failures> failures = current(pair, now);
            if (failures.isEmpty()) {
                return;
            }
            if (failures.get().nextAttemptAt().isAfter(now)) {
                throw delayed(Duration.between(now, failures.get().nextAttemptAt()));
            }
            Duration waitIfThisFails = delays.after(failures.get().count() + 1);
            if (waitIfThisFails.isZero()) {
                return;
            }
            int claimed = inTransaction(() -> jdbc.sql("""
                            UPDATE sign_in_failure SET next_attempt_at = ?
                            WHERE employer_key = ? AND client = ? AND failures = ? AND next_attempt_at <= ?""")
                    .params(Timestamp.from(now.plus(waitIfThisFails)), pair.employer(), pair.client(), failures.get().count(),
                            Timestamp.from(now))
                    .update());
            if (claimed == 1) {
                return;
            }
        }
        // Other tries of the same pair kept winning the slot: this one waits like them.
        throw delayed(delays.firstDelay());
    }

    /** One more failure for the pair; its next try waits as long as that many failures call for. */
    void recordFailure(EmployerKey employer, String client) {
        Pair pair = new Pair(employer.toString(), bounded(client));
        for (int attempt = 1; ; attempt++) {
            try {
                if (tryRecordFailure(pair)) {
                    cleanUpNowAndThen(clock.instant());
                    return;
                }
            } catch (ConcurrencyFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
            if (attempt == ATTEMPTS) {
                log.warn("Could not record a failed sign-in after {} tries", ATTEMPTS);
                return;
            }
        }
    }

    /** The right clave from this client: its earlier failures no longer slow it. */
    void forgetPair(EmployerKey employer, String client) {
        inTransaction(() -> jdbc.sql("DELETE FROM sign_in_failure WHERE employer_key = ? AND client = ?")
                .params(employer.toString(), bounded(client))
                .update());
    }

    /**
     * The employer has a new clave: no failure against the old one slows anybody. Runs in the caller's
     * transaction, so it holds exactly when the new clave does.
     */
    void forgetEmployer(EmployerKey employer) {
        jdbc.sql("DELETE FROM sign_in_failure WHERE employer_key = ?").param(employer.toString()).update();
    }

    private boolean tryRecordFailure(Pair pair) {
        Instant now = clock.instant();
        Optional<Failures> failures = current(pair, now);
        int count = failures.map(Failures::count).orElse(0) + 1;
        Timestamp nextAttemptAt = Timestamp.from(now.plus(delays.after(count)));
        if (failures.isEmpty()) {
            try {
                // An old row the pair has outlived is replaced, not continued.
                int updated = inTransaction(() -> jdbc.sql("""
                                UPDATE sign_in_failure SET failures = 1, next_attempt_at = ?, last_failure_at = ?
                                WHERE employer_key = ? AND client = ? AND last_failure_at < ?""")
                        .params(nextAttemptAt, Timestamp.from(now), pair.employer(), pair.client(), forgottenBefore(now))
                        .update());
                if (updated == 1) {
                    return true;
                }
                inTransaction(() -> jdbc.sql("""
                                INSERT INTO sign_in_failure (employer_key, client, failures, next_attempt_at, last_failure_at)
                                VALUES (?, ?, 1, ?, ?)""")
                        .params(pair.employer(), pair.client(), nextAttemptAt, Timestamp.from(now))
                        .update());
                return true;
            } catch (DuplicateKeyException e) {
                // Another failure of the same pair (maybe on another node) came first: count on its row.
                return false;
            }
        }
        int updated = inTransaction(() -> jdbc.sql("""
                        UPDATE sign_in_failure SET failures = ?, next_attempt_at = ?, last_failure_at = ?
                        WHERE employer_key = ? AND client = ? AND failures = ?""")
                .params(count, nextAttemptAt, Timestamp.from(now), pair.employer(), pair.client(), count - 1)
                .update());
        return updated == 1;
    }

    private Optional<Failures> current(Pair pair, Instant now) {
        return inTransaction(() -> jdbc.sql("""
                        SELECT failures, next_attempt_at FROM sign_in_failure
                        WHERE employer_key = ? AND client = ? AND last_failure_at >= ?""")
                .params(pair.employer(), pair.client(), forgottenBefore(now))
                .query((rs, n) -> new Failures(rs.getInt("failures"), rs.getTimestamp("next_attempt_at").toInstant()))
                .optional());
    }

    /** Pairs quiet for longer than {@code forget-after} are deleted on the way, at most once a minute per node. */
    private void cleanUpNowAndThen(Instant now) {
        Instant last = lastCleanup.get();
        if (last.isAfter(now.minus(CLEANUP_INTERVAL)) || !lastCleanup.compareAndSet(last, now)) {
            return;
        }
        try {
            int deleted = inTransaction(() -> jdbc.sql("DELETE FROM sign_in_failure WHERE last_failure_at < ?")
                    .param(forgottenBefore(now))
                    .update());
            log.debug("Deleted {} forgotten sign-in failure counters", deleted);
        } catch (DataAccessException e) {
            log.warn("Could not delete forgotten sign-in failure counters; will try again", e);
        }
    }

    private Timestamp forgottenBefore(Instant now) {
        return Timestamp.from(now.minus(delays.forgetAfter()));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return ownTransaction.execute(status -> work.get());
    }

    private static RateLimitExceededException delayed(Duration wait) {
        return new RateLimitExceededException(RateLimit.SIGN_IN_DELAY, wait);
    }

    private static String bounded(String client) {
        String value = client == null || client.isEmpty() ? "-" : client;
        return value.length() > MAX_CLIENT_LENGTH ? value.substring(0, MAX_CLIENT_LENGTH) : value;
    }

    private record Pair(String employer, String client) {
    }

    private record Failures(int count, Instant nextAttemptAt) {
    }
}
