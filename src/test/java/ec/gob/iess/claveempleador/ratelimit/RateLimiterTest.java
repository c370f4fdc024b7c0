package ec.gob.iess.claveempleador.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ec.gob.iess.claveempleador.support.ClaveSpringBootTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The limiter against the real database (H2 with the Flyway schema), with the engine's clock moved by hand. */
@ClaveSpringBootTest
class RateLimiterTest {

    // RECOVERY_START_PER_EMPLOYER: 5 per 15 minutes (application.yaml); windows start at :00, :15, :30, :45.
    static final Instant WINDOW_START = Instant.parse("2030-03-04T10:15:00Z");

    @Autowired
    RateLimiter limiter;

    @Autowired
    JdbcClient jdbc;

    final String subject = "test-" + UUID.randomUUID();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static void clockAt(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    @Test
    void callsUpToTheLimitPassAndTheNextIsRefusedUntilTheWindowEnds() {
        clockAt(WINDOW_START.plusSeconds(60));
        for (int call = 1; call <= 5; call++) {
            limiter.check(RateLimit.RECOVERY_START_PER_EMPLOYER, subject);
        }

        clockAt(WINDOW_START.plus(Duration.ofMinutes(5)).plusMillis(500));
        assertThatThrownBy(() -> limiter.check(RateLimit.RECOVERY_START_PER_EMPLOYER, subject))
                .isInstanceOfSatisfying(RateLimitExceededException.class, e -> {
                    assertThat(e.limit()).isEqualTo(RateLimit.RECOVERY_START_PER_EMPLOYER);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(10).minusMillis(500));
                    assertThat(e.retryAfterSeconds()).isEqualTo(600);
                    assertThat(e.getMessage()).doesNotContain(subject);
                });
    }

    @Test
    void aNewWindowGivesTheSubjectItsCallsBack() {
        clockAt(WINDOW_START.plus(Duration.ofMinutes(14)));
        for (int call = 1; call <= 5; call++) {
            limiter.check(RateLimit.RECOVERY_START_PER_EMPLOYER, subject);
        }
        clockAt(WINDOW_START.plus(Duration.ofMinutes(15)).minusMillis(1));
        assertThatThrownBy(() -> limiter.check(RateLimit.RECOVERY_START_PER_EMPLOYER, subject))
                .isInstanceOf(RateLimitExceededException.class);

        clockAt(WINDOW_START.plus(Duration.ofMinutes(15)));
        for (int call = 1; call <= 5; call++) {
            limiter.check(RateLimit.RECOVERY_START_PER_EMPLOYER, subject);
        }
        assertThatThrownBy(() -> limiter.check(RateLimit.RECOVERY_START_PER_EMPLOYER, subject))
                .isInstanceOf(RateLimitExceededException.class);
    }

    @Test
    void refusedCallsDoNotRaiseTheCounterPastTheLimit() {
        clockAt(WINDOW_START);
        for (int call = 1; call <= 8; call++) {
            try {
                limiter.check(RateLimit.RECOVERY_START_PER_EMPLOYER, subject);
            } catch (RateLimitExceededException expected) {
                // the sixth to eighth calls
            }
        }
        assertThat(hits(RateLimit.RECOVERY_START_PER_EMPLOYER, subject)).containsExactly(5);
    }

    @Test
    void limitsAndSubjectsAreCountedApart() {
        clockAt(WINDOW_START);
        for (int call = 1; call <= 5; call++) {
            limiter.check(RateLimit.RECOVERY_START_PER_EMPLOYER, subject);
        }
        assertThatCode(() -> limiter.check(RateLimit.RECOVERY_START_PER_EMPLOYER, subject + "-other")).doesNotThrowAnyException();
        assertThatCode(() -> limiter.check(RateLimit.SIGN_IN_PER_CLIENT, subject)).doesNotThrowAnyException();
    }

    @Test
    void concurrentCallsOnOneKeyNeverPassTheLimit() throws Exception {
        clockAt(WINDOW_START);
        int threads = 8;
        int callsPerThread = 10;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> allowed = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<Integer> caller = () -> {
                    start.await();
                    int passed = 0;
                    for (int call = 0; call < callsPerThread; call++) {
                        try {
                            limiter.check(RateLimit.RECOVERY_START_PER_CLIENT, subject);
                            passed++;
                        } catch (RateLimitExceededException refused) {
                            // expected for all calls past the limit
                        }
                    }
                    return passed;
                };
                allowed.add(pool.submit(caller));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> passed : allowed) {
                total += passed.get(60, TimeUnit.SECONDS);
            }
            // RECOVERY_START_PER_CLIENT: 20 per window (application.yaml).
            assertThat(total).isEqualTo(20);
            assertThat(hits(RateLimit.RECOVERY_START_PER_CLIENT, subject)).containsExactly(20);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void countersOfPastWindowsAreDeleted() {
        // Later than any other test here, so that this node's last clean-up lies more than a minute back.
        Instant old = Instant.parse("2031-01-01T00:00:00Z");
        clockAt(old);
        limiter.check(RateLimit.SIGN_IN_PER_CLIENT, subject);
        assertThat(hits(RateLimit.SIGN_IN_PER_CLIENT, subject)).containsExactly(1);

        clockAt(old.plus(Duration.ofHours(2)));
        limiter.check(RateLimit.SIGN_IN_PER_CLIENT, subject + "-later");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM rate_limit_counter WHERE window_start < ?")
                .param(Timestamp.from(old.plus(Duration.ofMinutes(15)))).query(Integer.class).single()).isZero();
        assertThat(hits(RateLimit.SIGN_IN_PER_CLIENT, subject + "-later")).containsExactly(1);
    }

    private List<Integer> hits(RateLimit limit, String subject) {
        return jdbc.sql("SELECT hits FROM rate_limit_counter WHERE limit_name = ? AND subject = ?")
                .params(limit.name(), subject).query(Integer.class).list();
    }
}
