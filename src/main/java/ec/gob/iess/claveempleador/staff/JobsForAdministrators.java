package ec.gob.iess.claveempleador.staff;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine's jobs and job definitions are the administrators' (the members of {@code camunda-admin}, as for Cockpit
 * and the actuator); centre staff have nothing to do with them. The engine checks a job through its process instance
 * and lets any signed-in user read, suspend, reschedule, retry, run or delete a job that has none: here the history
 * cleanup's, which deletes the history of finished recoveries after their 180 days, so a clerk could stop that purge
 * through {@code /engine-rest/job}. On both mounts of the engine API a signed-in caller who is not an administrator
 * gets 403 for {@code /job} and {@code /job-definition}. Anonymous callers pass: the engine answers them 401. On
 * {@code /engine-rest} this filter runs after the engine's HTTP Basic authentication ({@link StaffSecurityConfiguration}),
 * whose user it asks about; on the webapps' mount it reads the webapp session, as {@link WebappPluginGate} does.
 */
class JobsForAdministrators extends OncePerRequestFilter {

    private static final Pattern JOBS = Pattern.compile(
            "^/(?:engine-rest(?:/engine/([^/]+))?|camunda/api/engine/engine/([^/]+))/(?:job|job-definition)(?:/.*)?$");
    static final String MESSAGE_KEY = "staff.jobs.administratorsOnly";

    private final IdentityService identity;
    private final MessageSource messages;
    private final ObjectMapper json;

    JobsForAdministrators(IdentityService identity, MessageSource messages, ObjectMapper json) {
        this.identity = identity;
        this.messages = messages;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the path as the container mapped it (decoded, dot segments resolved), not as the client spelled it
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        Matcher jobs = JOBS.matcher(path);
        if (jobs.matches() && signedInWithoutAdministration(request, jobs)) {
            EngineErrorAnswer.write(response, json, HttpServletResponse.SC_FORBIDDEN, Map.of("type", "AuthorizationException",
                    "message", messages.getMessage(MESSAGE_KEY, null, StaffLocale.of(request))));
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean signedInWithoutAdministration(HttpServletRequest request, Matcher jobs) {
        if (jobs.group(2) != null) {
            HttpSession session = request.getSession(false);
            if (session == null) {
                return false;
            }
            var authentication = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(jobs.group(2));
            return authentication instanceof UserAuthentication user && !administrator(user.getGroupIds());
        }
        Authentication authentication = identity.getCurrentAuthentication();
        return authentication != null && !administrator(authentication.getGroupIds());
    }

    private static boolean administrator(List<String> groups) {
        return groups != null && groups.contains(Groups.CAMUNDA_ADMIN);
    }
}
