package ec.gob.iess.claveempleador.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ec.gob.iess.claveempleador.support.DemoData;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Operators read an employer's audit trail over HTTP Basic as Camunda administrators; centre staff and anonymous
 * callers cannot. The trail is made by real requests: the employer's start through the public API, the clerk's
 * approval through the engine REST API, the mail job on the job executor.
 */
@StaffWebTest
class OperatorAuditEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PESQUERA = "/operator/audit?ruc=0990123454001&sucursal=0001";
    private static final List<String> LOOPBACK_NETWORKS = List.of("127.0.0.0/24", "0:0:0::/48");

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noTrailYet() {
        DemoData.reset(runtime, jdbc);
        jdbc.sql("DELETE FROM audit_event").update();
    }

    @AfterEach
    void forgetFailedSignIns() {
        identity.unlockUser("demo");
        identity.unlockUser("agente");
    }

    @Test
    void anOperatorReadsWhoDidWhatNewestFirst() throws Exception {
        ResponseEntity<String> started = http.postForEntity("/api/recoveries", json("""
                {"ruc":"0990123454001","sucursal":"0001","representativeId":"0922334453"}"""), String.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(JSON.readTree(started.getBody()).get("recoveryId").asText())
                .singleResult();
        StaffHttp agente = StaffHttp.as(port, "agente");
        agente.engineRest("POST", "/task/" + task.getId() + "/claim", "{\"userId\": \"agente\"}");
        assertThat(agente.engineRest("POST", "/task/" + task.getId() + "/complete", """
                {"variables": {"decision": {"value": "approve"}, "identityVerified": {"value": true},
                 "documentsChecked": {"value": true}}}""").statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> events(read(PESQUERA)).size() == 4);

        JsonNode page = read(PESQUERA);

        assertThat(events(page)).containsExactly("LINK_SENT", "APPROVED", "CASE_OPENED", "STARTED");
        JsonNode approved = page.get("events").get(1);
        assertThat(approved.get("actor").asText()).isEqualTo("agente");
        assertThat(approved.get("clientAddress").asText()).isIn(LOOPBACK_NETWORKS);
        assertThat(approved.get("caseNumber").asText()).startsWith("CAU-2026-");
        JsonNode start = page.get("events").get(3);
        assertThat(start.get("actor").asText()).isEqualTo("employer");
        assertThat(start.get("clientAddress").asText()).isIn(LOOPBACK_NETWORKS);
        assertThat(start.get("time").asText()).endsWith("Z");
        JsonNode linkSent = page.get("events").get(0);
        assertThat(linkSent.get("actor").asText()).isEqualTo("system");
        assertThat(linkSent.get("clientAddress").isNull()).isTrue();
        assertThat(page.toString()).doesNotContain("rrhh@pesquera-pacifico.example");
        assertThat(events(read(PESQUERA + "&page=1&size=2"))).containsExactly("CASE_OPENED", "STARTED");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "-", value = {"-, 401", "agente, 403", "demo, 200"})
    void onlyOperatorsMayReadTheTrail(String user, int status) {
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, user);

        assertThat(client.getForEntity(PESQUERA, String.class).getStatusCode().value()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/operator/audit?ruc=0990123454001",
            "/operator/audit?ruc=12345&sucursal=0001",
            "/operator/audit?ruc=0990123454001&sucursal=0001&size=0",
            "/operator/audit?ruc=0990123454001&sucursal=0001&size=201",
            "/operator/audit?ruc=0990123454001&sucursal=0001&page=-1",
            "/operator/audit?ruc=0990123454001&sucursal=0001&page=uno",
    })
    void badQueriesAreA400ProblemNotAFailure(String path) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth("demo", "demo").getForEntity(path, String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JSON.readTree(response.getBody()).get("code").asText()).isEqualTo("VALIDATION_FAILED");
    }

    private JsonNode read(String path) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth("demo", "demo").getForEntity(path, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(response.getBody());
    }

    private static List<String> events(JsonNode page) {
        return page.get("events").findValuesAsText("event");
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
