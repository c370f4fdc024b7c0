package ec.gob.iess.claveempleador.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import ec.gob.iess.claveempleador.support.AppProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The application as prod runs it, in its own JVM (the webapps and the engine REST API look their engine up by
 * the name {@code default}, which the staff test context already holds in this one), on an H2 file database
 * instead of PostgreSQL: a test administrator `demo` and staff member `agente` from configuration, the staff
 * surfaces on their own port, and one trusted proxy (this machine).
 */
class ProdSurfacesTest {

    private static final String PROXIED_CLIENT = "203.0.113.77";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path workDir;

    private static AppProcess app;
    private static int staffPort;
    private static String database;

    @BeforeAll
    static void startInProd() {
        staffPort = freePort();
        // AUTO_SERVER: the test reads the rate-limit counters while the application holds the database.
        database = "jdbc:h2:file:" + workDir.resolve("clave").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.profiles.active", "prod");
        properties.put("spring.datasource.url", database);
        properties.put("spring.datasource.username", "sa");
        properties.put("spring.datasource.password", "");
        properties.put("clave.security.hmac-key", "prod-surfaces-test-hmac-key-0123456789abcdef");
        properties.put("camunda.bpm.admin-user.id", "demo");
        properties.put("camunda.bpm.admin-user.password", "demo");
        properties.put("clave.staff.users[0].id", "agente");
        properties.put("clave.staff.users[0].password", "agente");
        properties.put("clave.staff.users[0].first-name", "Agente");
        properties.put("clave.staff.users[0].last-name", "Prueba");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(freePort()));
        properties.put("camunda.bpm.job-execution.enabled", "false");
        properties.put("clave.network.staff-port", String.valueOf(staffPort));
        properties.put("server.forward-headers-strategy", "native");
        properties.put("server.tomcat.remoteip.internal-proxies", "127\\.0\\.0\\.1");
        app = AppProcess.start(workDir, properties);

        // The user without grants, created by the administrator as Camunda Admin would.
        HttpResponse<String> created = StaffHttp.at(staffBaseUrl(), "demo").call("POST", "/engine-rest/user/create",
                "{\"profile\":{\"id\":\"%s\",\"firstName\":\"Sin\",\"lastName\":\"Permisos\"},\"credentials\":{\"password\":\"%s\"}}"
                        .formatted(SurfaceMatrix.WITHOUT_GRANTS, SurfaceMatrix.WITHOUT_GRANTS));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @ParameterizedTest(name = "{0} {1}: anonymous {2}, agente {3}, demo {4}, without grants {5}, prod {6}")
    @CsvFileSource(resources = "/staff/surfaces.csv", numLinesToSkip = 1)
    void everySurfaceAnswersEachKindOfCallerInProd(String method, String path, int anonymous, int agente, int demo,
                                                    int withoutGrants, Integer prod) {
        SurfaceMatrix matrix = new SurfaceMatrix(app.baseUrl(), staffBaseUrl());
        if (prod == null) {
            matrix.assertRow(method, path, anonymous, agente, demo, withoutGrants);
        } else {
            matrix.assertRow(method, path, prod, prod, prod, prod);
        }
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @CsvSource(nullValues = "-", value = {
            "GET,  /engine-rest/engine,                            -",
            "GET,  /engine-rest/user,                              demo",
            "GET,  /camunda/app/admin/default/,                    -",
            "GET,  /camunda/api/admin/auth/user/default,           -",
            "POST, /camunda/api/admin/setup/default/user/create,   -",
            "GET,  /actuator/health,                               -",
            "GET,  /actuator/prometheus,                           demo",
            "GET,  /operator/audit?ruc=1790012344001&sucursal=0001, demo",
    })
    void thePublicPortHasNoStaffSurface(String method, String path, String user) {
        HttpResponse<String> response = StaffHttp.at(app.baseUrl(), user).call(method, path, method.equals("POST") ? SurfaceMatrix.SETUP_BODY : null);

        assertThat(response.statusCode()).as("%s %s on the public port", method, path).isEqualTo(404);
    }

    @Test
    void theTrustedProxysForwardedForIsTheClientTheLimitsCount() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/recoveries"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", PROXIED_CLIENT)
                .POST(HttpRequest.BodyPublishers.ofString("{\"ruc\":\"1790012344001\",\"sucursal\":\"0001\",\"representativeId\":\"1704567898\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(countedCalls(PROXIED_CLIENT)).isPositive();
        assertThat(countedCalls("127.0.0.1")).isZero();
    }

    @Test
    void hstsIsSentWhenTheTrustedProxyReceivedTheRequestOverTls() throws Exception {
        HttpResponse<Void> overTls = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> plain = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/")).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(overTls.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000 ; includeSubDomains");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    private static String staffBaseUrl() {
        return "http://127.0.0.1:" + staffPort;
    }

    private static int countedCalls(String client) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database, "sa", "");
             PreparedStatement query = connection.prepareStatement("SELECT COALESCE(SUM(hits), 0) FROM rate_limit_counter WHERE subject = ?")) {
            query.setString(1, client);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
