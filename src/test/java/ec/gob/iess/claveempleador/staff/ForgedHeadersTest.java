package ec.gob.iess.claveempleador.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ec.gob.iess.claveempleador.support.Browser;
import ec.gob.iess.claveempleador.support.DemoData;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a client writes in its headers does not steer the server: a forged {@code Host} never becomes a redirect
 * target, and {@code X-Forwarded-*} are ignored while no proxy is trusted (the default; {@link ProdSurfacesTest}
 * shows a trusted proxy honoured). Also the headers that keep the API and Swagger UI from being used as documents
 * of someone else's page.
 */
@StaffWebTest
class ForgedHeadersTest {

    private static final String FORGED_CLIENT = "203.0.113.77";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final Browser browser = Browser.headlessChromium();

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "GET {0} with Host: evil.example → {1}")
    @CsvSource({
            "/ingreso/bienvenido,     /ingreso",
            "/camunda/app/,           /camunda/app/welcome/default/",
            "/camunda/app/tasklist/,  /camunda/app/tasklist/default/",
            "/camunda,                /camunda/app/tasklist/",
            "/swagger-ui.html,        /swagger-ui/index.html",
    })
    void aForgedHostNeverBecomesTheRedirectTarget(String path, String target) throws IOException {
        Map<String, String> response = rawGet(path, "Host: evil.example", "X-Forwarded-Host: evil.example");

        assertThat(response.get(":status")).startsWith("30");
        assertThat(response.get("location")).as("Location of %s", path).isEqualTo(target);
    }

    @Test
    void aForgedForwardedForIsNotTheClientTheLimitsCount() throws Exception {
        DemoData.reset(runtime, jdbc);

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/recoveries"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", FORGED_CLIENT)
                .header("Forwarded", "for=" + FORGED_CLIENT)
                .POST(HttpRequest.BodyPublishers.ofString("{\"ruc\":\"1790012344001\",\"sucursal\":\"0001\",\"representativeId\":\"1704567898\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(countedCalls(FORGED_CLIENT)).isZero();
        assertThat(countedCalls("127.0.0.1")).isPositive();
    }

    @Test
    void aForgedForwardedProtoDoesNotMakeARequestSecure() throws IOException {
        Map<String, String> response = rawGet("/", "Host: localhost", "X-Forwarded-Proto: https");

        assertThat(response.get(":status")).isEqualTo("200");
        assertThat(response).doesNotContainKey("strict-transport-security");
    }

    @Test
    void apiAnswersLoadNothingAndAreNeverSniffed() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/recoveries/no-such-id")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).startsWith("default-src 'none'"));
        assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
    }

    @Test
    void swaggerUiWorksUnderItsContentSecurityPolicy() throws Exception {
        HttpResponse<Void> page = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/swagger-ui/index.html")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self';").contains("frame-ancestors 'none'").doesNotContain("unsafe-eval"));

        // Injected by the driver before any page script, so it sees every refusal of the page's policy.
        ((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.cspViolations = []; document.addEventListener('securitypolicyviolation',"
                        + " e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"));
        browser.driver().get("http://127.0.0.1:" + port + "/swagger-ui/index.html");

        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.driver().findElements(By.cssSelector(".opblock")).isEmpty());
        assertThat(browser.driver().findElement(By.cssSelector(".info .title")).getText()).contains("Recuperación de clave de empleador");
        assertThat(browser.driver().findElements(By.cssSelector(".opblock-summary-path")))
                .extracting(WebElement::getText).anySatisfy(text -> assertThat(text).startsWith("/api/recoveries"));
        assertThat((List<?>) browser.script("return window.cspViolations;")).isEmpty();
    }

    private int countedCalls(String client) {
        return jdbc.sql("SELECT COALESCE(SUM(hits), 0) FROM rate_limit_counter WHERE subject = ?").param(client).query(Integer.class).single();
    }

    /**
     * A request written byte by byte: Java's HTTP client will not send a Host header of our choosing. Answers the
     * status (key {@code :status}) and the headers, names in lower case.
     */
    private Map<String, String> rawGet(String path, String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\n" + String.join("\r\n", headers) + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).split("\r\n\r\n", 2)[0];
            String[] lines = head.split("\r\n");
            Map<String, String> response = new HashMap<>();
            response.put(":status", lines[0].split(" ")[1]);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                response.put(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
            }
            return response;
        }
    }
}
