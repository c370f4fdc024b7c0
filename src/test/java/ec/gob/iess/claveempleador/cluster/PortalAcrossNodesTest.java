package ec.gob.iess.claveempleador.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import ec.gob.iess.claveempleador.support.DemoData;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import ec.gob.iess.claveempleador.support.TestMailbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Two prod nodes on one PostgreSQL database behind a load balancer that sends every request to the other
 * node: the portal's session (its CSRF token, its flash attributes) lives in the shared database (Spring
 * Session JDBC), so a browser walks the whole recovery and signs in with one cookie jar. The nodes sit
 * behind a TLS-terminating proxy too: cookies are Secure exactly when the request came over HTTPS.
 */
class PortalAcrossNodesTest {

    private static final String MAIL = DemoEmployers.ANDINA.email();
    private static final String NEW_CLAVE = "tortuga violeta cruza el puente del Guayas";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static SharedBackends backends;
    private static GreenMail smtp;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startDatabaseAndTwoNodes() throws Exception {
        backends = SharedBackends.start();
        smtp = backends.smtp;
        nodeA = startNode();
        nodeB = startNode();
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        DemoData.registerComercialAndina(jdbc, MAIL);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (ConfigurableApplicationContext node : Arrays.asList(nodeA, nodeB)) {
            if (node != null) {
                node.close();
            }
        }
        if (backends != null) {
            backends.close();
        }
    }

    @Test
    void theWholeRecoveryWorksWhenEveryRequestGoesToTheOtherNode() throws Exception {
        TestMailbox mailbox = new TestMailbox(smtp);

        HttpResponse<String> form = get(nodeA, "/recuperar-clave");
        HttpResponse<String> started = post(nodeB, "/recuperar-clave", Map.of(
                "ruc", "1790012344001", "sucursal", "0001", "cedula", "1712345675", "_csrf", csrf(form)));
        assertThat(started.statusCode()).as("the form's CSRF token from A is good on B").isEqualTo(302);
        String codePath = location(started);
        assertThat(codePath).matches("/recuperar-clave/[0-9a-f-]{36}/codigo");

        HttpResponse<String> codePage = get(nodeA, codePath);
        assertThat(codePage.body()).contains("t***@comercial-andina.example");
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.to(MAIL).size() == 1);
        String code = mailbox.codeSentTo(MAIL);
        String wrongCode = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);

        HttpResponse<String> wrong = post(nodeB, codePath, Map.of("code", wrongCode, "_csrf", csrf(codePage)));
        assertThat(location(wrong)).isEqualTo(codePath);
        HttpResponse<String> toldWrong = get(nodeA, codePath);
        assertThat(toldWrong.body()).as("B's flash attribute is shown by A").contains("El código no es correcto. Le quedan 2 intentos.");

        HttpResponse<String> accepted = post(nodeB, codePath, Map.of("code", code, "_csrf", csrf(toldWrong)));
        String checkEmailPath = location(accepted);
        assertThat(checkEmailPath).endsWith("/revise-su-correo");
        assertThat(get(nodeA, checkEmailPath).body()).contains("Revise su correo");

        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.to(MAIL).size() == 2);
        String linkPath = "/recuperar-clave/nueva-clave?token=" + mailbox.tokenSentTo(MAIL);
        HttpResponse<String> linkPage = get(nodeA, linkPath);
        HttpResponse<String> changed = post(nodeB, linkPath, Map.of("newPassword", NEW_CLAVE, "confirmation", NEW_CLAVE,
                "_csrf", csrf(linkPage)));
        String donePath = location(changed);
        assertThat(donePath).isEqualTo("/recuperar-clave/clave-actualizada");
        assertThat(get(nodeA, donePath).body()).contains("Su clave fue actualizada");

        HttpResponse<String> signInForm = get(nodeB, "/ingreso");
        HttpResponse<String> signedIn = post(nodeA, "/ingreso", Map.of("ruc", "1790012344001", "sucursal", "0001",
                "password", NEW_CLAVE, "_csrf", csrf(signInForm)));
        assertThat(location(signedIn)).isEqualTo("/ingreso/bienvenido");
        HttpResponse<String> welcome = get(nodeB, "/ingreso/bienvenido");
        assertThat(welcome.statusCode()).as("A's flash attribute (the employer) reaches B").isEqualTo(200);
        assertThat(welcome.body()).contains("1790012344001");
    }

    @Test
    void aFormPostWithoutTheSessionsTokenIsStillRefused() throws Exception {
        get(nodeA, "/recuperar-clave");

        HttpResponse<String> forged = post(nodeB, "/recuperar-clave", Map.of(
                "ruc", "1790012344001", "sucursal", "0001", "cedula", "1712345675", "_csrf", "not-the-token"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("El formulario caducó");
    }

    @Test
    void cookiesAreLaxAndHttpOnlyOverHttpAndSecureWhenTheProxySaysHttps() throws Exception {
        String overHttp = sessionCookieOf(send(nodeA, HttpRequest.newBuilder(uri(nodeA, "/recuperar-clave")).GET()));
        assertThat(overHttp).contains("SameSite=Lax", "HttpOnly").doesNotContain("Secure");
        String xsrfOverHttp = cookieHeader(send(nodeA, HttpRequest.newBuilder(uri(nodeA, "/camunda/app/tasklist/default/")).GET()), "XSRF-TOKEN=");
        assertThat(xsrfOverHttp).contains("SameSite=Lax").doesNotContain("Secure");

        CookieManager fresh = new CookieManager();
        HttpClient other = HttpClient.newBuilder().cookieHandler(fresh).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> overHttps = other.send(HttpRequest.newBuilder(uri(nodeB, "/recuperar-clave"))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sessionCookieOf(overHttps)).contains("Secure", "SameSite=Lax", "HttpOnly");
        HttpResponse<String> tasklistOverHttps = other.send(HttpRequest.newBuilder(uri(nodeB, "/camunda/app/tasklist/default/"))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cookieHeader(tasklistOverHttps, "XSRF-TOKEN=")).contains("Secure", "SameSite=Lax");
    }

    @Test
    void expiredSessionsAreDeletedFromTheSharedTable() throws Exception {
        get(nodeA, "/recuperar-clave");
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        String sessionId = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("SESSION")).findFirst().orElseThrow().getValue();
        String sessionIdInTable = new String(java.util.Base64.getDecoder().decode(sessionId), StandardCharsets.UTF_8);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE session_id = ?").param(sessionIdInTable).query(Integer.class).single())
                .isOne();

        jdbc.sql("UPDATE spring_session SET expiry_time = ? WHERE session_id = ?")
                .param(System.currentTimeMillis() - 1000).param(sessionIdInTable).update();
        nodeB.getBean(JdbcIndexedSessionRepository.class).cleanUpExpiredSessions();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE session_id = ?").param(sessionIdInTable).query(Integer.class).single())
                .isZero();
    }

    private HttpResponse<String> get(ConfigurableApplicationContext node, String path) throws Exception {
        HttpResponse<String> response = send(node, HttpRequest.newBuilder(uri(node, path)).GET());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response;
    }

    private HttpResponse<String> post(ConfigurableApplicationContext node, String path, Map<String, String> fields) throws Exception {
        String form = new LinkedHashMap<>(fields).entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(node, HttpRequest.newBuilder(uri(node, path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> send(ConfigurableApplicationContext node, HttpRequest.Builder request) throws IOException, InterruptedException {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ConfigurableApplicationContext node, String path) {
        // One host name for both nodes: the browser sends the same cookies to either, as behind one load balancer.
        return URI.create("http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort() + path);
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("the page has a CSRF token").isTrue();
        return token.group(1);
    }

    /** The path of a redirect, whichever node's address it was written with. */
    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("a redirect").isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    private static String sessionCookieOf(HttpResponse<String> response) {
        return cookieHeader(response, "SESSION=");
    }

    private static String cookieHeader(HttpResponse<String> response, String prefix) {
        List<String> setCookies = response.headers().allValues("Set-Cookie");
        return setCookies.stream().filter(header -> header.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " cookie in " + setCookies));
    }

    private static ConfigurableApplicationContext startNode() {
        // The TLS-terminating proxy in front of both nodes, on this machine.
        return backends.startNode("server.forward-headers-strategy=native",
                "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
    }
}
