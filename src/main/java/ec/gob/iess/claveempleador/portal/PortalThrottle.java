package ec.gob.iess.claveempleador.portal;

import java.time.Duration;
import java.util.Optional;

import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.ratelimit.RateLimit;
import ec.gob.iess.claveempleador.ratelimit.RateLimitExceededException;
import ec.gob.iess.claveempleador.ratelimit.RateLimiter;
import org.springframework.stereotype.Component;

/**
 * The one place where the pages ask the rate limiter before a guarded step: the same database counters as
 * the API, so an employer cannot get around a limit by switching between the pages and the API.
 * Each method answers how long the employer must wait, or empty to go on.
 */
@Component
class PortalThrottle {

    private final RateLimiter limiter;

    PortalThrottle(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /** Recovery starts, per client address and per employer. */
    Optional<Duration> beforeRecoveryStart(EmployerKey employer, String clientAddress) {
        return check(RateLimit.RECOVERY_START_PER_CLIENT, clientAddress)
                .or(() -> check(RateLimit.RECOVERY_START_PER_EMPLOYER, employer.toString()));
    }

    /** Code attempts, per client address (each recovery also locks itself after its wrong codes). */
    Optional<Duration> beforeCodeAttempt(String recoveryId, String clientAddress) {
        return check(RateLimit.OTP_ATTEMPT_PER_CLIENT, clientAddress);
    }

    /** Link-token look-ups (opening the link page and submitting the new clave), per client address. */
    Optional<Duration> beforeLinkLookup(String clientAddress) {
        return check(RateLimit.LINK_LOOKUP_PER_CLIENT, clientAddress);
    }

    /** Sign-in attempts, per client address and per employer. */
    Optional<Duration> beforeSignIn(EmployerKey employer, String clientAddress) {
        return check(RateLimit.SIGN_IN_PER_CLIENT, clientAddress)
                .or(() -> check(RateLimit.SIGN_IN_PER_EMPLOYER, employer.toString()));
    }

    private Optional<Duration> check(RateLimit limit, String subject) {
        try {
            limiter.check(limit, subject);
            return Optional.empty();
        } catch (RateLimitExceededException e) {
            return Optional.of(e.retryAfter());
        }
    }
}
