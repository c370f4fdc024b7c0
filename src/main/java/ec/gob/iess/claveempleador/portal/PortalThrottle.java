package ec.gob.iess.claveempleador.portal;

import java.time.Duration;
import java.util.Optional;

import ec.gob.iess.claveempleador.identity.Cedula;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.ratelimit.RateLimitExceededException;
import ec.gob.iess.claveempleador.ratelimit.ThrottlePolicy;
import org.springframework.stereotype.Component;

/**
 * The pages' side of {@link ThrottlePolicy}: the same rules and database counters as the API, so an employer
 * cannot get around a limit by switching between the pages and the API. Each {@code before…} method answers how
 * long the employer must wait, or empty to go on.
 */
@Component
class PortalThrottle {

    private final ThrottlePolicy policy;

    PortalThrottle(ThrottlePolicy policy) {
        this.policy = policy;
    }

    Optional<Duration> beforeRecoveryStart(EmployerKey employer, Cedula representative, String clientAddress) {
        return waitFor(() -> policy.beforeRecoveryStart(employer, representative, clientAddress));
    }

    Optional<Duration> beforeCodeAttempt(String recoveryId, String clientAddress) {
        return waitFor(() -> policy.beforeCodeAttempt(clientAddress));
    }

    Optional<Duration> beforeLinkLookup(String clientAddress) {
        return waitFor(() -> policy.beforeLinkLookup(clientAddress));
    }

    Optional<Duration> beforeCaseLookup(String clientAddress) {
        return waitFor(() -> policy.beforeCaseLookup(clientAddress));
    }

    Optional<Duration> beforeSignIn(EmployerKey employer, String clientAddress) {
        return waitFor(() -> policy.beforeSignIn(employer, clientAddress));
    }

    void afterSignIn(EmployerKey employer, String clientAddress, boolean succeeded) {
        policy.afterSignIn(employer, clientAddress, succeeded);
    }

    private static Optional<Duration> waitFor(Runnable check) {
        try {
            check.run();
            return Optional.empty();
        } catch (RateLimitExceededException e) {
            return Optional.of(e.retryAfter());
        }
    }
}
