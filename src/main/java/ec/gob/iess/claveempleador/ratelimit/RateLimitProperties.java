package ec.gob.iess.claveempleador.ratelimit;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** At most {@code max} calls per {@code window} for each limit and subject. */
@Validated
@ConfigurationProperties("clave.rate-limit")
public record RateLimitProperties(
        @Valid @NotNull Rule recoveryStartPerEmployer,
        @Valid @NotNull Rule recoveryStartPerClient,
        @Valid @NotNull Rule otpAttemptPerClient,
        @Valid @NotNull Rule linkLookupPerClient,
        @Valid @NotNull Rule signInPerEmployer,
        @Valid @NotNull Rule signInPerClient) {

    public record Rule(@Min(1) int max, @NotNull Duration window) {

        public Rule {
            if (window != null && window.toSeconds() < 1) {
                throw new IllegalArgumentException("a rate-limit window must be at least one second");
            }
        }
    }

    public Rule rule(RateLimit limit) {
        return switch (limit) {
            case RECOVERY_START_PER_EMPLOYER -> recoveryStartPerEmployer;
            case RECOVERY_START_PER_CLIENT -> recoveryStartPerClient;
            case OTP_ATTEMPT_PER_CLIENT -> otpAttemptPerClient;
            case LINK_LOOKUP_PER_CLIENT -> linkLookupPerClient;
            case SIGN_IN_PER_EMPLOYER -> signInPerEmployer;
            case SIGN_IN_PER_CLIENT -> signInPerClient;
        };
    }
}
