package ec.gob.iess.claveempleador.staff;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the Cockpit and Admin plugin APIs to users who may open those apps. Camunda only asks that a
 * caller be signed in to the engine there, so a Tasklist-only session could still read, for example,
 * Cockpit's count of running instances per process. Static plugin assets stay open (the apps load them
 * before sign-in); a caller without a session still gets Camunda's own 401.
 */
class WebappPluginGate extends OncePerRequestFilter {

    private static final Pattern PLUGIN_API = Pattern.compile("^/camunda/api/(cockpit|admin)/plugin/[^/]+/([^/]+)(/.*)?$");
    private static final Set<String> OPEN_SEGMENTS = Set.of("static");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher matcher = PLUGIN_API.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (matcher.matches() && !OPEN_SEGMENTS.contains(matcher.group(2))
                && signedInWithoutApp(request.getSession(false), matcher.group(2), matcher.group(1))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean signedInWithoutApp(HttpSession session, String engine, String app) {
        if (session == null) {
            return false;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        Authentication authentication = authentications.getAuthenticationForProcessEngine(engine);
        return authentication instanceof UserAuthentication user && !user.isAuthorizedForApp(app);
    }
}
