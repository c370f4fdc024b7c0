package ec.gob.iess.claveempleador.audit;

import java.util.Optional;

import ec.gob.iess.claveempleador.ratelimit.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who takes the step being recorded, from where it runs rather than from what a caller claims: a staff member
 * signed in to the engine (Tasklist, the engine REST API: Camunda sets the authentication for the request) is
 * named by user id; any other web request is the employer's (the portal and the public API are anonymous);
 * no request at all is the service itself (timers and mail jobs on the job executor).
 */
@Component
class AuditActors {

    static final String EMPLOYER = "employer";
    static final String SYSTEM = "system";

    // Looked up when a step is recorded: the engine plugin that records mail failures is built before the engine.
    private final ObjectProvider<IdentityService> identity;

    AuditActors(ObjectProvider<IdentityService> identity) {
        this.identity = identity;
    }

    String current() {
        Authentication staff = identity.getObject().getCurrentAuthentication();
        if (staff != null && staff.getUserId() != null) {
            return staff.getUserId();
        }
        return request().isPresent() ? EMPLOYER : SYSTEM;
    }

    /** The address the rate limits count (forwarded headers only from configured proxies). */
    Optional<String> clientAddress() {
        return request().map(ClientAddress::of);
    }

    private static Optional<HttpServletRequest> request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest())
                : Optional.empty();
    }
}
