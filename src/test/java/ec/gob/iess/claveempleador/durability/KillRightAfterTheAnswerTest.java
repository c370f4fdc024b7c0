package ec.gob.iess.claveempleador.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import ec.gob.iess.claveempleador.support.AppProcess;
import ec.gob.iess.claveempleador.support.DemoData;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import ec.gob.iess.claveempleador.support.TestMailbox;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * What an answer confirms survives {@code kill -9} right after it: the application runs in a child JVM, is
 * killed the moment an answer is read (no waiting, no shutdown) and restarted on the same database, which must
 * then know what was confirmed and carry on (the mails that were due go out). One chain of answers per database:
 * the default profile's embedded H2 file database, exactly as configured, and PostgreSQL with the prod profile.
 * The chain ends with the health checks an operator's load balancer reads.
 */
class KillRightAfterTheAnswerTest {

    private static final String ANDINA_MAIL = DemoEmployers.ANDINA.email();
    private static final String PESQUERA_MAIL = DemoEmployers.PESQUERA.email();
    private static final String NEW_CLAVE = "tortuga violeta cruza el puente del Guayas";
    private static final String APPROVAL = """
            {"variables": {"decision": {"value": "approve"}, "identityVerified": {"value": true},
             "documentsChecked": {"value": true}, "notes": {"value": "Atendido en el centro"}}}""";
    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path workDir;

    private GreenMail smtp;
    private TestMailbox mailbox;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        mailbox = new TestMailbox(smtp);
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void everyConfirmedStepSurvivesKillMinus9OnTheDefaultEmbeddedH2() {
        // The default profile's own database URL (a relative path, so it lands in workDir): no override.
        Map<String, String> properties = childProperties();

        walkTheStepsKillingAfterEachAnswer(properties, app -> { }).close();
    }

    @Test
    void everyConfirmedStepSurvivesKillMinus9OnPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            // The application owns its database but is no superuser, so a grant can be taken away from it.
            execute(postgres.getJdbcUrl("postgres", "postgres"), "CREATE ROLE clave LOGIN PASSWORD 'clave'", "CREATE DATABASE clave OWNER clave");
            String url = postgres.getJdbcUrl("clave", "clave");
            Map<String, String> properties = childProperties();
            properties.put("spring.profiles.active", "prod");
            properties.put("spring.datasource.url", url);
            properties.put("spring.datasource.username", "clave");
            properties.put("spring.datasource.password", "clave");
            properties.put("clave.security.hmac-key", "durability-test-hmac-key-0123456789abcdef");
            properties.put("camunda.bpm.admin-user.id", "demo");
            properties.put("camunda.bpm.admin-user.password", "demo");
            properties.put("clave.staff.users[0].id", "agente");
            properties.put("clave.staff.users[0].password", "agente");
            properties.put("clave.staff.users[0].first-name", "Agente");
            properties.put("clave.staff.users[0].last-name", "Centro");
            properties.put("clave.staff.users[0].email", "agente@iess.example");

            AppProcess app = walkTheStepsKillingAfterEachAnswer(properties, started -> execute(url,
                    """
                    INSERT INTO employer (ruc, sucursal, name, representative_id, email, ruc_status)
                    VALUES ('1790012344001', '0001', 'Comercial Andina S.A.', '1712345675', 'talento.humano@comercial-andina.example', 'ACTIVE')""",
                    "INSERT INTO credential (ruc, sucursal, password_hash, changed_at) VALUES ('1790012344001', '0001', '"
                            + DemoData.OLD_CLAVE_HASH + "', CURRENT_TIMESTAMP)",
                    """
                    INSERT INTO employer (ruc, sucursal, name, representative_id, email, ruc_status)
                    VALUES ('0990123454001', '0001', 'Pesquera del Pacífico Cía. Ltda.', '0922334453', 'rrhh@pesquera-pacifico.example', 'SUSPENDED')"""));
            try (app) {
                execute(postgres.getJdbcUrl("postgres", "clave"), "REVOKE UPDATE ON health_probe FROM clave");
                assertThat(get(app, "/actuator/health").getStatusCode().value()).as("a database that takes no write is DOWN").isEqualTo(503);
                assertThat(get(app, "/actuator/health/readiness").getStatusCode().value()).isEqualTo(503);

                execute(postgres.getJdbcUrl("postgres", "clave"), "GRANT UPDATE ON health_probe TO clave");
                assertThat(get(app, "/actuator/health").getStatusCode().value()).isEqualTo(200);
            }
        }
    }

    /** The four answers, each followed at once by kill -9 and a restart that must know it; returns the last node. */
    private AppProcess walkTheStepsKillingAfterEachAnswer(Map<String, String> properties, Consumer<AppProcess> prepare) {
        AppProcess app = AppProcess.start(workDir, properties);
        try {
            prepare.accept(app);

            ResponseEntity<JsonNode> started = post(app, "/api/recoveries",
                    Map.of("ruc", "1790012344001", "sucursal", "0001", "representativeId", "1712345675"));
            app = killAndRestart(app, properties);
            assertThat(started.getStatusCode().value()).isEqualTo(201);
            String recoveryId = started.getBody().path("recoveryId").asText();
            assertThat(status(app, recoveryId)).as("the recovery answered 201").isEqualTo("AWAITING_OTP");
            await().atMost(MAIL_TIMEOUT).until(() -> !mailbox.to(ANDINA_MAIL).isEmpty());

            ResponseEntity<JsonNode> accepted = post(app, "/api/recoveries/" + recoveryId + "/otp", Map.of("code", mailbox.codeSentTo(ANDINA_MAIL)));
            app = killAndRestart(app, properties);
            assertThat(accepted.getStatusCode().value()).isEqualTo(200);
            assertThat(status(app, recoveryId)).as("the code answered 200").isEqualTo("AWAITING_NEW_PASSWORD");
            await().atMost(MAIL_TIMEOUT).ignoreExceptions().until(() -> !mailbox.tokenSentTo(ANDINA_MAIL).isEmpty());

            ResponseEntity<JsonNode> changed = post(app, "/api/recoveries/password",
                    Map.of("token", mailbox.tokenSentTo(ANDINA_MAIL), "newPassword", NEW_CLAVE, "confirmation", NEW_CLAVE));
            app = killAndRestart(app, properties);
            assertThat(changed.getStatusCode().value()).isEqualTo(200);
            assertThat(status(app, recoveryId)).as("the clave answered 200").isEqualTo("COMPLETED");
            assertThat(post(app, "/api/sign-in", Map.of("ruc", "1790012344001", "sucursal", "0001", "password", NEW_CLAVE))
                    .getStatusCode().value()).isEqualTo(200);

            String caseId = post(app, "/api/recoveries", Map.of("ruc", "0990123454001", "sucursal", "0001", "representativeId", "0922334453"))
                    .getBody().path("recoveryId").asText();
            String taskId = asAgente(app, "GET", "/engine-rest/task?processInstanceBusinessKey=" + caseId, null).getBody().path(0).path("id").asText();
            asAgente(app, "POST", "/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"agente\"}");
            ResponseEntity<JsonNode> completed = asAgente(app, "POST", "/engine-rest/task/" + taskId + "/complete", APPROVAL);
            app = killAndRestart(app, properties);
            assertThat(completed.getStatusCode().value()).isEqualTo(204);
            assertThat(asAgente(app, "GET", "/engine-rest/task/" + taskId, null).getStatusCode().value()).as("the completed task").isEqualTo(404);
            await().atMost(MAIL_TIMEOUT).ignoreExceptions().until(() -> !mailbox.tokenSentTo(PESQUERA_MAIL).isEmpty());
            assertThat(status(app, caseId)).isEqualTo("AWAITING_NEW_PASSWORD");

            smtp.stop();
            assertThat(get(app, "/actuator/health").getStatusCode().value()).as("no mail server: the portal stays in").isEqualTo(200);
            assertThat(get(app, "/actuator/health/readiness").getStatusCode().value()).isEqualTo(200);
            assertThat(get(app, "/actuator/health/mail").getStatusCode().value()).as("operators still see it").isEqualTo(503);
            return app;
        } catch (RuntimeException | AssertionError e) {
            String output = app.output();
            app.close();
            throw new AssertionError(e.getMessage() + "\n--- the application's log ---\n" + output, e);
        }
    }

    private AppProcess killAndRestart(AppProcess app, Map<String, String> properties) {
        app.kill();
        return AppProcess.start(workDir, properties);
    }

    private Map<String, String> childProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("clave.mail.embedded-server", "false");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(smtp.getSmtp().getPort()));
        properties.put("camunda.bpm.job-execution.wait-time-in-millis", "200");
        properties.put("camunda.bpm.job-execution.max-wait", "1000");
        // A mail job the killed node had just locked is taken over by the restarted one soon, not after 5 minutes.
        properties.put("camunda.bpm.job-execution.lock-time-in-millis", "5000");
        return properties;
    }

    private static String status(AppProcess app, String recoveryId) {
        ResponseEntity<JsonNode> response = get(app, "/api/recoveries/" + recoveryId);
        assertThat(response.getStatusCode().value()).as("GET the recovery after the restart").isEqualTo(200);
        return response.getBody().path("status").asText();
    }

    private static ResponseEntity<JsonNode> post(AppProcess app, String path, Map<String, String> body) {
        return http(app).post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    private static ResponseEntity<JsonNode> get(AppProcess app, String path) {
        return http(app).get().uri(path).retrieve().toEntity(JsonNode.class);
    }

    private static ResponseEntity<JsonNode> asAgente(AppProcess app, String method, String path, String json) {
        String basic = Base64.getEncoder().encodeToString("agente:agente".getBytes(StandardCharsets.UTF_8));
        RestClient.RequestBodySpec request = http(app).method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                .header("Authorization", "Basic " + basic).accept(MediaType.APPLICATION_JSON);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }

    private static RestClient http(AppProcess app) {
        return RestClient.builder().baseUrl(app.baseUrl()).defaultStatusHandler(status -> true, (request, response) -> {
        }).build();
    }

    private static void execute(String jdbcUrl, String... statements) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
