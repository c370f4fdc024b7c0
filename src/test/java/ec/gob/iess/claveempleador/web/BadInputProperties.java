package ec.gob.iess.claveempleador.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.util.GreenMail;
import ec.gob.iess.claveempleador.ClaveEmpleadorApplication;
import ec.gob.iess.claveempleador.support.TestMailbox;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Bad input never fails the server. Hostile requests (see {@link FuzzRequests}) go as raw bytes over real
 * HTTP to the whole application on a random port; whatever they hold, the answer is not a 5xx, no body
 * shows an exception or a stack trace, and the server logs no ERROR while answering them.
 * <p>
 * 2,000 requests in {@code ./mvnw verify}; the long run (documented in the README) takes the count from
 * {@code -Dfuzz.tries}: {@code ./mvnw -o test -Dtest=BadInputProperties -Dfuzz.tries=20000}.
 */
class BadInputProperties {

    static final int DEFAULT_TRIES = 2_000;
    private static final org.slf4j.Logger log = LoggerFactory.getLogger(BadInputProperties.class);
    private static final Pattern STACK_TRACE = Pattern.compile(
            "(?i)exception|\\bat [a-z_$][\\w$]*(\\.[\\w$]+)+\\(|\\b(java|jakarta|javax)\\.[a-z]+\\.|org\\.(apache|springframework|camunda|h2)|com\\.fasterxml|Apache Tomcat");

    private static final Map<Integer, AtomicInteger> STATUSES = new ConcurrentSkipListMap<>();
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();
    private static final List<ConfigurableApplicationContext> APPLICATION = new ArrayList<>(1);
    private static final List<FuzzRequests> GENERATORS = new ArrayList<>(1);
    private static final long[] FUZZ_STARTED = new long[1];

    private static int port;

    /** The number of tries: {@code fuzz.tries} when given, else {@value #DEFAULT_TRIES}. */
    static final class FuzzTries implements AroundPropertyHook {

        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            context.attributes().setTries(Integer.getInteger("fuzz.tries", DEFAULT_TRIES));
            return property.execute();
        }
    }

    @BeforeContainer
    static void startTheApplication() throws Exception {
        port = freePort();
        APPLICATION.add(new SpringApplicationBuilder(ClaveEmpleadorApplication.class).properties(
                "server.port=" + port,
                "spring.datasource.url=jdbc:h2:mem:clave-bad-input;DB_CLOSE_DELAY=-1",
                "spring.mail.port=0",
                "camunda.bpm.generate-unique-process-engine-name=true",
                "camunda.bpm.job-execution.wait-time-in-millis=200",
                "camunda.bpm.job-execution.max-wait=1000",
                // The limits would answer 429 long before the handlers see most of these requests.
                "clave.rate-limit.recovery-start-per-employer.max=1000000",
                "clave.rate-limit.recovery-start-per-client.max=1000000",
                "clave.rate-limit.otp-attempt-per-client.max=1000000",
                "clave.rate-limit.link-lookup-per-client.max=1000000",
                "clave.rate-limit.case-lookup-per-client.max=1000000",
                "clave.rate-limit.recovery-mismatch-global.max=1000000",
                "clave.rate-limit.sign-in-delay.free-failures=1000000",
                "clave.rate-limit.sign-in-per-client.max=1000000").run());
        GENERATORS.add(new FuzzRequests(knownState()));
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        LOG.start();
        root.addAppender(LOG);
    }

    @AfterContainer
    static void stopTheApplication() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOG);
        APPLICATION.forEach(ConfigurableApplicationContext::close);
        log.info("Bad input: {} requests in {} s, statuses {}", REQUESTS.get(),
                (System.nanoTime() - FUZZ_STARTED[0]) / 1_000_000_000, STATUSES);
    }

    @Provide
    Arbitrary<FuzzRequests.Request> requests() {
        return GENERATORS.get(0).requests();
    }

    @Property(shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
    @AddLifecycleHook(FuzzTries.class)
    void badInputGetsAClientErrorNeverAServerErrorAStackTraceOrAnErrorLog(@ForAll("requests") FuzzRequests.Request request) throws IOException {
        if (REQUESTS.getAndIncrement() == 0) {
            FUZZ_STARTED[0] = System.nanoTime();
        }
        int logged = errorsLogged().size();
        RawHttp.Answer answer = new RawHttp(port).send(request.bytes());
        STATUSES.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();

        // 0: Tomcat dropped a request line it could not parse at all (e.g. an empty target) without answering.
        assertThat(answer.status()).as("status").isBetween(0, 499);
        Matcher trace = STACK_TRACE.matcher(answer.body());
        assertThat(trace.find()).as("the body shows no exception or stack trace: %s", trace.results().findFirst()
                .map(m -> answer.body().substring(Math.max(0, m.start() - 80), Math.min(answer.body().length(), m.end() + 80))).orElse("")).isFalse();
        List<ILoggingEvent> errors = errorsLogged();
        assertThat(errors.subList(logged, errors.size())).as("ERROR lines logged while answering").extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    @Example
    void aRepeatedJsonKeyIsAMalformedRequest() throws IOException {
        RawHttp.Answer answer = sendWithoutErrorLog(json("POST", "/api/sign-in",
                "{\"ruc\":\"1790012344001\",\"sucursal\":\"0001\",\"password\":\"a\",\"password\":\"b\"}"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("\"code\":\"MALFORMED_REQUEST\"");
    }

    @Example
    void aHeaderTheFirewallRefusesIsAMalformedRequest() throws IOException {
        byte[] request = json("POST", "/api/sign-in", "{\"ruc\":\"1790012344001\",\"sucursal\":\"0001\",\"password\":\"x\"}");
        String raw = new String(request, StandardCharsets.UTF_8).replace("Connection: close\r\n", "Connection: close\r\nX-Odd: \uD83D\uDCA5\r\n");
        RawHttp.Answer answer = sendWithoutErrorLog(raw.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("\"code\":\"MALFORMED_REQUEST\"");
    }

    @Example
    void aLoneSurrogateInAClaveIsAnEncodingFieldError() throws IOException {
        RawHttp.Answer answer = sendWithoutErrorLog(json("POST", "/api/sign-in",
                "{\"ruc\":\"1790012344001\",\"sucursal\":\"0001\",\"password\":\"abc\\udc00def\"}"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("\"code\":\"VALIDATION_FAILED\"", "\"field\":\"password\",\"code\":\"ENCODING\"");
    }

    @Example
    void aTamperedCsrfTokenGetsTheExpiredFormPage() throws IOException {
        FuzzRequests.PortalSession session = GENERATORS.get(0).known().sessions().get(0);
        String tampered = session.csrfToken().substring(0, session.csrfToken().length() - 4) + "AAAA";
        String form = "_csrf=" + tampered + "&ruc=1790012344001&sucursal=0001&cedula=1712345675";
        RawHttp.Answer answer = sendWithoutErrorLog(("POST /recuperar-clave HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Cookie: SESSION=" + session.cookie() + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + form.length() + "\r\n\r\n" + form).getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("El formulario caducó");
    }

    @Example
    void theErrorPageAskedForDirectlyDoesNotExist() throws IOException {
        RawHttp.Answer answer = sendWithoutErrorLog("GET /error HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).contains("Esta página no existe");
    }

    @Example
    void aRequestTomcatRefusesGetsAPlainSpanishPage() throws IOException {
        RawHttp.Answer answer = sendWithoutErrorLog("GET /recuperar-clave/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("Solicitud no válida").doesNotContain("Exception", "Tomcat");
    }

    @Example
    void aPathParameterWithABrokenEscapeIsABadRequest() throws IOException {
        RawHttp.Answer answer = sendWithoutErrorLog(json("POST", "/api/recoveries/;x=1%/otp/resend", "{}"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("Solicitud no válida").doesNotContain("Exception");
    }

    private static byte[] json(String method, String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return (method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    private static RawHttp.Answer sendWithoutErrorLog(byte[] request) throws IOException {
        int logged = errorsLogged().size();
        RawHttp.Answer answer = new RawHttp(port).send(request);
        List<ILoggingEvent> errors = errorsLogged();
        assertThat(errors.subList(logged, errors.size())).extracting(ILoggingEvent::getFormattedMessage).isEmpty();
        return answer;
    }

    /** ERROR events of this server's request threads (other applications of the test run may share the JVM). */
    private static List<ILoggingEvent> errorsLogged() {
        String threads = "http-nio-" + port + "-";
        synchronized (LOG) {
            return LOG.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                    .filter(e -> e.getThreadName().startsWith(threads)).toList();
        }
    }

    /** A recovery waiting for its code, one waiting for its new clave (with its link token), and portal sessions. */
    private static FuzzRequests.Known knownState() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        TestMailbox mailbox = new TestMailbox(APPLICATION.get(0).getBean(GreenMail.class));
        String awaitingCode = startRecovery(http, "1704567898001", "0001", "1704567898");
        String awaitingClave = startRecovery(http, "1790012344001", "0002", "1712345675");
        String gye = "gye@comercial-andina.example";
        await().atMost(Duration.ofSeconds(30)).until(() -> !mailbox.to(gye).isEmpty());
        post(http, "/api/recoveries/" + awaitingClave + "/otp", "{\"code\":\"" + mailbox.codeSentTo(gye) + "\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.to(gye).size() >= 2);
        List<FuzzRequests.PortalSession> sessions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sessions.add(portalSession(http));
        }
        return new FuzzRequests.Known(List.of(awaitingCode, awaitingClave), List.of(mailbox.tokenSentTo(gye)), sessions);
    }

    private static String startRecovery(HttpClient http, String ruc, String sucursal, String cedula) throws Exception {
        String body = post(http, "/api/recoveries", "{\"ruc\":\"" + ruc + "\",\"sucursal\":\"" + sucursal + "\",\"representativeId\":\"" + cedula + "\"}");
        Matcher id = Pattern.compile("\"recoveryId\":\"([^\"]+)\"").matcher(body);
        assertThat(id.find()).as("recovery started: %s", body).isTrue();
        return id.group(1);
    }

    private static String post(HttpClient http, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static FuzzRequests.PortalSession portalSession(HttpClient http) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/recuperar-clave")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher cookie = Pattern.compile("SESSION=([^;]+)").matcher(form.headers().firstValue("Set-Cookie").orElse(""));
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(cookie.find() && token.find()).as("a portal session with a CSRF token").isTrue();
        return new FuzzRequests.PortalSession(cookie.group(1), token.group(1));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
