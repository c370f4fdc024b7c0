package ec.gob.iess.claveempleador.staff;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ec.gob.iess.claveempleador.config.Ecuador;
import ec.gob.iess.claveempleador.identity.Cedula;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.identity.InvalidIdentityNumberException;
import ec.gob.iess.claveempleador.identity.Ruc;
import ec.gob.iess.claveempleador.identity.Sucursal;
import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Staff register a recovery only as the start form does: RUC, sucursal and the representative's cédula,
 * checked like the portal checks them. Whatever else a start through the engine REST API or the webapps'
 * engine API could carry is refused before the engine sees it: other variables (a window, the channel,
 * the validation's results), a business key, start instructions that skip the validation, skipped
 * listeners. The request the engine receives is rebuilt from the three checked values, so nothing
 * unchecked rides along. Anonymous calls pass untouched: the engine refuses them itself (401).
 */
@Component
@Order(0)
class StaffStartGate extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StaffStartGate.class);

    /** The engine's start calls wherever its APIs are mounted: {@code .../process-definition/{key or id}/start|submit-form}. */
    private static final Pattern START_CALL = Pattern.compile(".*/process-definition/.+/(start|submit-form)/?", Pattern.CASE_INSENSITIVE);
    /** Which definition a start names: {@code key/{key}[/tenant-id/{tenant}]} or its id. */
    private static final Pattern DEFINITION = Pattern.compile(".*/process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/(?:start|submit-form)/?",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> FIELDS = List.of(RecoveryProcess.RUC, RecoveryProcess.SUCURSAL, RecoveryProcess.REPRESENTATIVE_ID);
    /** What the start form's submission may carry besides its variables (Tasklist sends an empty business key). */
    private static final Set<String> HARMLESS_KEYS = Set.of("businessKey", "withVariablesInReturn");
    private static final int MAX_BODY_BYTES = 16 * 1024;

    private final ObjectMapper json;
    private final MessageSource messages;

    // A provider: web slice tests load this filter without a database, and only a start by id needs one.
    private final ObjectProvider<JdbcClient> jdbc;

    StaffStartGate(ObjectMapper json, MessageSource messages, ObjectProvider<JdbcClient> jdbc) {
        this.json = json;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return !"POST".equalsIgnoreCase(request.getMethod()) || !START_CALL.matcher(path).matches() || !startsTheRecovery(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getSession(false) == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        Locale locale = StaffLocale.of(request);
        Checked checked = check(body);
        if (checked.refusal() != null) {
            log.info("Refused a process start through {}: {}", request.getRequestURI(), checked.refusal().code());
            // Spanish whatever the browser asks, like every other text staff read in Tasklist.
            refuse(response, checked.refusal(), Ecuador.SPANISH);
            return;
        }
        chain.doFilter(new JsonBody(request, json.writeValueAsBytes(checked.body())), response);
    }

    /**
     * Whether the start is of the recovery process (other definitions, such as the benchmark's, are the engine's
     * business alone). By id, the key is read from the engine's table: an id need not begin with its key. A path
     * that names nothing known is left to the engine, which answers 404.
     */
    private boolean startsTheRecovery(String path) {
        Matcher matcher = DEFINITION.matcher(path);
        if (!matcher.matches()) {
            return true;
        }
        if (matcher.group(1) != null) {
            return RecoveryProcess.KEY.equals(matcher.group(1));
        }
        return jdbc.getObject().sql("SELECT KEY_ FROM ACT_RE_PROCDEF WHERE ID_ = ?").param(matcher.group(2)).query(String.class).optional()
                .map(RecoveryProcess.KEY::equals).orElse(false);
    }

    private Checked check(byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            return Checked.refused(new Refusal("START_FIELDS_ONLY", "staff.start.fieldsOnly"));
        }
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (IOException e) {
            return Checked.refused(new Refusal("START_UNREADABLE", "staff.start.unreadable"));
        }
        if (request == null || !request.isObject() || !onlyTheFormsFields(request)) {
            return Checked.refused(new Refusal("START_FIELDS_ONLY", "staff.start.fieldsOnly"));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : FIELDS) {
            values.put(field, digitsOf(request.get("variables").get(field).get("value").asText()));
        }
        List<String> problems = new ArrayList<>();
        Ruc ruc = parse(RecoveryProcess.RUC, values.get(RecoveryProcess.RUC), Ruc::parse, problems);
        Sucursal sucursal = parse(RecoveryProcess.SUCURSAL, values.get(RecoveryProcess.SUCURSAL), Sucursal::parse, problems);
        parse(RecoveryProcess.REPRESENTATIVE_ID, values.get(RecoveryProcess.REPRESENTATIVE_ID), Cedula::parse, problems);
        if (ruc != null && sucursal != null) {
            parse(RecoveryProcess.SUCURSAL, sucursal, s -> new EmployerKey(ruc, s), problems);
        }
        if (!problems.isEmpty()) {
            return Checked.refused(new Refusal("VALIDATION_FAILED", "staff.start.invalid", problems));
        }
        ObjectNode variables = json.createObjectNode();
        values.forEach((field, value) -> variables.putObject(field).put("value", value).put("type", "String"));
        ObjectNode rebuilt = json.createObjectNode();
        rebuilt.set("variables", variables);
        return new Checked(rebuilt, null);
    }

    /** Exactly the three fields, each a text; no business key, no start instructions, no skipped listeners. */
    private static boolean onlyTheFormsFields(JsonNode request) {
        for (Map.Entry<String, JsonNode> key : request.properties()) {
            boolean allowed = key.getKey().equals("variables")
                    || HARMLESS_KEYS.contains(key.getKey()) && (key.getValue().isNull() || key.getValue().isBoolean()
                    || key.getValue().isTextual() && key.getValue().asText().isBlank());
            if (!allowed) {
                return false;
            }
        }
        JsonNode variables = request.get("variables");
        if (variables == null || !variables.isObject() || variables.size() != FIELDS.size()) {
            return false;
        }
        for (String field : FIELDS) {
            JsonNode variable = variables.get(field);
            if (variable == null || !variable.isObject() || variable.get("value") == null || !variable.get("value").isTextual()) {
                return false;
            }
            JsonNode type = variable.get("type");
            if (type != null && !type.isNull() && !"string".equalsIgnoreCase(type.asText())) {
                return false;
            }
        }
        return true;
    }

    /** Spaces, dots and hyphens are how people copy numbers from documents (the portal drops them too). */
    private static String digitsOf(String input) {
        return input.replaceAll("[\\s.\\-]", "");
    }

    private static <S, T> T parse(String field, S value, Function<S, T> parser, List<String> problems) {
        try {
            return parser.apply(value);
        } catch (InvalidIdentityNumberException e) {
            problems.add(field + "." + e.reason().name());
            return null;
        }
    }

    private void refuse(HttpServletResponse response, Refusal refusal, Locale locale) throws IOException {
        StringBuilder message = new StringBuilder(messages.getMessage(refusal.messageKey(), null, locale));
        for (String problem : refusal.problems()) {
            String field = problem.substring(0, problem.indexOf('.'));
            String reason = problem.substring(problem.indexOf('.') + 1);
            String specific = messages.getMessage("api.field." + problem, null, null, locale);
            message.append(' ').append(messages.getMessage("staff.start.field." + field, null, locale)).append(": ")
                    .append(specific != null ? specific : messages.getMessage("api.field." + reason, null, locale));
        }
        // The engine's own error shape ({type, message}): Tasklist shows the message on the start form.
        Map<String, String> error = new LinkedHashMap<>();
        error.put("type", "InvalidRequestException");
        error.put("code", refusal.code());
        error.put("message", message.toString());
        EngineErrorAnswer.write(response, json, HttpServletResponse.SC_BAD_REQUEST, error);
    }

    private record Refusal(String code, String messageKey, List<String> problems) {

        Refusal(String code, String messageKey) {
            this(code, messageKey, List.of());
        }
    }

    private record Checked(JsonNode body, Refusal refusal) {

        static Checked refused(Refusal refusal) {
            return new Checked(null, refusal);
        }
    }

    /** The request with the rebuilt JSON body in place of the one the client sent. */
    private static final class JsonBody extends HttpServletRequestWrapper {

        private final byte[] body;

        JsonBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getContentType() {
            return MediaType.APPLICATION_JSON_VALUE;
        }

        @Override
        public String getHeader(String name) {
            if (HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                return Integer.toString(body.length);
            }
            if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                return MediaType.APPLICATION_JSON_VALUE;
            }
            return super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String replaced = HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name) || HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
                    ? getHeader(name)
                    : null;
            return replaced != null ? Collections.enumeration(List.of(replaced)) : super.getHeaders(name);
        }
    }
}
