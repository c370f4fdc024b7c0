package ec.gob.iess.claveempleador.ratelimit;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** At most {@code max} calls per {@code window} for each fixed-window limit and subject; the sign-in delays. */
@Validated
@ConfigurationProperties("clave.rate-limit")
public record RateLimitProperties(
        @Valid @NotNull Rule recoveryStartPerEmployer,
        @Valid @NotNull Rule recoveryStartPerClient,
        @Valid @NotNull Rule recoveryMismatchGlobal,
        @Valid @NotNull Rule otpAttemptPerClient,
        @Valid @NotNull Rule linkLookupPerClient,
        @Valid @NotNull Rule signInPerClient,
        @Valid @NotNull Rule caseLookupPerClient,
        @Valid @NotNull SignInDelay signInDelay) {

    public record Rule(@Min(1) int max, @NotNull Duration window) {

        public Rule {
            if (window != null && window.toSeconds() < 1) {
                throw new IllegalArgumentException("a rate-limit window must be at least one second");
            }
        }
    }

    /**
     * After {@code freeFailures} failed sign-ins of one employer from one client, each further failure makes that
     * pair wait before its next try: {@code firstDelay}, then twice as long each time, never more than
     * {@code maxDelay}. A pair without a failure for {@code forgetAfter} starts afresh.
     */
    public record SignInDelay(@Min(0) int freeFailures, @NotNull Duration firstDelay, @NotNull Duration maxDelay,
                              @NotNull Duration forgetAfter) {

        public SignInDelay {
            if (firstDelay != null && maxDelay != null && forgetAfter != null
                    && (firstDelay.toSeconds() < 1 || maxDelay.compareTo(firstDelay) < 0 || forgetAfter.compareTo(maxDelay) < 0)) {
                throw new IllegalArgumentException("sign-in delays need 1 s <= first-delay <= max-delay <= forget-after");
            }
        }

        /** The wait after the given number of consecutive failures. */
        public Duration after(int failures) {
            if (failures <= freeFailures) {
                return Duration.ZERO;
            }
            // Past 2^30 the doubling has long passed any sensible cap; the shift must not overflow.
            int doublings = Math.min(failures - freeFailures - 1, 30);
            Duration delay = firstDelay.multipliedBy(1L << doublings);
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    public Rule rule(RateLimit limit) {
        return switch (limit) {
            case RECOVERY_START_PER_EMPLOYER -> recoveryStartPerEmployer;
            case RECOVERY_START_PER_CLIENT -> recoveryStartPerClient;
            case RECOVERY_MISMATCH_GLOBAL -> recoveryMismatchGlobal;
            case OTP_ATTEMPT_PER_CLIENT -> otpAttemptPerClient;
            case LINK_LOOKUP_PER_CLIENT -> linkLookupPerClient;
            case SIGN_IN_PER_CLIENT -> signInPerClient;
            case CASE_LOOKUP_PER_CLIENT -> caseLookupPerClient;
            case SIGN_IN_DELAY -> throw new IllegalArgumentException(limit + " is a growing delay, not a fixed window");
        };
    }
}
