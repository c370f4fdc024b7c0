package ec.gob.iess.claveempleador.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RateLimitWindowTest {

    @Test
    void windowsAreAlignedToTheEpochSoEveryNodeAgrees() {
        assertThat(RateLimiter.windowStart(Instant.parse("2030-03-04T10:29:59.999Z"), Duration.ofMinutes(15)))
                .isEqualTo(Instant.parse("2030-03-04T10:15:00Z"));
        assertThat(RateLimiter.windowStart(Instant.parse("2030-03-04T10:30:00Z"), Duration.ofMinutes(15)))
                .isEqualTo(Instant.parse("2030-03-04T10:30:00Z"));
    }

    @Test
    void retryAfterIsRoundedUpToWholeSecondsAndNeverZero() {
        assertThat(new RateLimitExceededException(RateLimit.SIGN_IN_PER_CLIENT, Duration.ofMillis(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(new RateLimitExceededException(RateLimit.SIGN_IN_PER_CLIENT, Duration.ZERO).retryAfterSeconds()).isEqualTo(1);
        assertThat(new RateLimitExceededException(RateLimit.SIGN_IN_PER_CLIENT, Duration.ofMillis(59_001)).retryAfterSeconds()).isEqualTo(60);
    }
}
