package ec.gob.iess.claveempleador.staff;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ec.gob.iess.claveempleador.recovery.StaffRefusalException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Staff read our refusals as one sentence. The engine's REST API wraps an exception from a delegate in its
 * own words ("Cannot instantiate process definition employerPasswordRecovery:1:…: …") and answers 500; for a
 * {@link StaffRefusalException}, recognised by its code, which the engine copies into the answer, this filter
 * answers 400 with the sentence alone, in the staff member's language. Every other answer passes unchanged.
 * Both mounts of the engine API are covered: {@code /engine-rest} (integrations) and the webapps' own
 * {@code /camunda/api/engine}, which Tasklist calls.
 */
@Component
@Order(1)
class StaffRefusalAnswers extends OncePerRequestFilter {

    private static final String ENGINE_REST = "/engine-rest/";

    private final ObjectMapper json;
    private final MessageSource messages;

    StaffRefusalAnswers(ObjectMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // Refusals come from commands that start or complete something, never from reads.
        return !"POST".equalsIgnoreCase(request.getMethod()) || !(path.startsWith(ENGINE_REST) || path.startsWith(StaffLocale.WEBAPP_ENGINE_API));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, answer);
            if (answer.getStatus() >= 400) {
                String key = refusalKey(answer.getContentAsByteArray());
                if (key != null) {
                    answer.resetBuffer();
                    writeRefusal(answer, messages.getMessage(key, null, StaffLocale.of(request)));
                }
            }
        } finally {
            answer.copyBodyToResponse();
        }
    }

    /** The message key of our refusal, or null when the answer is any other error. */
    private String refusalKey(byte[] body) {
        JsonNode error;
        try {
            error = json.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
        if (error == null || !error.path("code").isInt() || error.path("code").intValue() != StaffRefusalException.CODE) {
            return null;
        }
        // The engine's text ends with the exception's message, which is the sentence's key.
        String message = error.path("message").asText("");
        int start = message.lastIndexOf("staff.refusal.");
        return start < 0 ? null : message.substring(start).trim();
    }

    private void writeRefusal(HttpServletResponse response, String sentence) throws IOException {
        // The engine's own error shape ({type, message, code}): Tasklist shows the message.
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", StaffRefusalException.class.getSimpleName());
        error.put("message", sentence);
        error.put("code", StaffRefusalException.CODE);
        EngineErrorAnswer.write(response, json, HttpServletResponse.SC_BAD_REQUEST, error);
    }
}
