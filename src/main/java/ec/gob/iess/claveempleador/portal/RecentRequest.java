package ec.gob.iess.claveempleador.portal;

import java.io.Serializable;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The numbers of the last request this browser made that matched the registry, and the recovery it started: so that
 * starting again (expired, locked, replaced, "no me llegó") is one click, not 27 digits typed again on a phone.
 * Kept only in the server-side HTTP session (Spring Session JDBC): never in a URL or a cookie, and none of it is a secret.
 */
record RecentRequest(String ruc, String sucursal, String cedula, String recoveryId) implements Serializable {

    private static final String ATTRIBUTE = RecentRequest.class.getName();

    static void remember(HttpServletRequest request, RecentRequest recent) {
        request.getSession().setAttribute(ATTRIBUTE, recent);
    }

    static Optional<RecentRequest> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty()
                : Optional.ofNullable(session.getAttribute(ATTRIBUTE)).filter(RecentRequest.class::isInstance).map(RecentRequest.class::cast);
    }

    Forms.RecoveryForm form() {
        return new Forms.RecoveryForm(ruc, sucursal, cedula);
    }
}
