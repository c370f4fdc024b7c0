package ec.gob.iess.claveempleador.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.support.ClaveSpringBootTest;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The per-(employer, client) sign-in delays against the real database, with the engine's clock moved by hand. */
@ClaveSpringBootTest
class SignInDelaysTest {

    static final EmployerKey EMPLOYER = DemoEmployers.MARIA_PEREZ.key();
    static final String CLIENT = "203.0.113.77";
    static final Instant START = Instant.parse("2030-07-08T09:00:00Z");

    @Autowired
    SignInDelays delays;
    @Autowired
    RateLimitProperties limits;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void clean() {
        jdbc.sql("DELETE FROM sign_in_failure").update();
        ClockUtil.setCurrentTime(Date.from(START));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void delaysStartAfterTheFreeFailuresDoubleAndStopAtTheCap() {
        RateLimitProperties.SignInDelay rule = new RateLimitProperties.SignInDelay(2, Duration.ofSeconds(10), Duration.ofMinutes(1),
                Duration.ofHours(1));

        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 1000).stream().map(rule::after).toList()).containsExactly(
                Duration.ZERO, Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40),
                Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1));
    }

    @Test
    void aBurstOfParallelTriesFromOnePairGetsOneThroughOnceAWaitIsDue() throws Exception {
        failFreely();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> passed = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<Boolean> guess = () -> {
                    start.await();
                    try {
                        delays.claimAttempt(EMPLOYER, CLIENT);
                        return true;
                    } catch (RateLimitExceededException refused) {
                        return false;
                    }
                };
                passed.add(pool.submit(guess));
            }
            start.countDown();
            int through = 0;
            for (Future<Boolean> result : passed) {
                through += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(through).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPairQuietForTheForgetPeriodStartsAfresh() {
        failFreely();
        delays.claimAttempt(EMPLOYER, CLIENT);
        delays.recordFailure(EMPLOYER, CLIENT);
        assertThatThrownBy(() -> delays.claimAttempt(EMPLOYER, CLIENT)).isInstanceOf(RateLimitExceededException.class);

        ClockUtil.setCurrentTime(Date.from(START.plus(limits.signInDelay().forgetAfter()).plusSeconds(1)));

        for (int failure = 1; failure <= limits.signInDelay().freeFailures(); failure++) {
            assertThatCode(() -> delays.claimAttempt(EMPLOYER, CLIENT)).as("free again").doesNotThrowAnyException();
            delays.recordFailure(EMPLOYER, CLIENT);
        }
        assertThat(jdbc.sql("SELECT failures FROM sign_in_failure").query(Integer.class).list())
                .containsExactly(limits.signInDelay().freeFailures());
    }

    private void failFreely() {
        for (int failure = 1; failure <= limits.signInDelay().freeFailures(); failure++) {
            delays.claimAttempt(EMPLOYER, CLIENT);
            delays.recordFailure(EMPLOYER, CLIENT);
        }
    }
}
