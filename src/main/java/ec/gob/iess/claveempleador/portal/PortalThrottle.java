package ec.gob.iess.claveempleador.portal;

import java.time.Duration;
import java.util.Optional;

import ec.gob.iess.claveempleador.identity.EmployerKey;
import org.springframework.stereotype.Component;

/**
 * The one place where the pages ask the rate limiter (package {@code ratelimit}) before a guarded step.
 * Each method answers how long the employer must wait, or empty to go on; the controllers already turn
 * a wait into the 429 page with {@code Retry-After}.
 *
 * <p>MERGE: wire {@code RateLimiter.check(RateLimit.…, subject)} into each method and map
 * {@code RateLimitExceededException} to {@code Optional.of(e.retryAfter())}. Until then nothing is limited.
 */
@Component
class PortalThrottle {

    /** Recovery starts, per employer and per client address. */
    Optional<Duration> beforeRecoveryStart(EmployerKey employer, String clientAddress) {
        return Optional.empty();
    }

    /** Code attempts, per recovery and per client address. */
    Optional<Duration> beforeCodeAttempt(String recoveryId, String clientAddress) {
        return Optional.empty();
    }

    /** Link-token look-ups (opening the link page and submitting the new clave), per client address. */
    Optional<Duration> beforeLinkLookup(String clientAddress) {
        return Optional.empty();
    }

    /** Sign-in attempts, per employer and per client address. */
    Optional<Duration> beforeSignIn(EmployerKey employer, String clientAddress) {
        return Optional.empty();
    }
}
