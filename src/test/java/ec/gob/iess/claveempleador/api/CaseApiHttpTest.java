package ec.gob.iess.claveempleador.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ec.gob.iess.claveempleador.support.DemoData;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/** The case look-up over real HTTP on the whole application (the same context as {@link RecoveryApiHttpTest}). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:clave-api-http;DB_CLOSE_DELAY=-1",
        "spring.mail.port=0",
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000"
})
class CaseApiHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcClient jdbc;

    RestClient http;

    @BeforeEach
    void client() {
        DemoData.reset(runtime, jdbc);
        http = RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(status -> true, (request, response) -> {
        }).build();
    }

    ResponseEntity<JsonNode> post(String path, Map<String, String> body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    ResponseEntity<JsonNode> lookup(String caseNumber, String ruc, String representativeId) {
        return post("/api/cases/lookup", Map.of("caseNumber", caseNumber, "ruc", ruc, "representativeId", representativeId));
    }

    @Test
    void theCaseTheStartAnsweredWithIsFoundWithItsRucAndCedulaAndAnyMismatchIsTheUnknownCasesAnswer() {
        String caseNumber = post("/api/recoveries", Map.of("ruc", "0990123454001", "sucursal", "0001", "representativeId", "0922334453"))
                .getBody().get("caseNumber").asText();

        ResponseEntity<JsonNode> found = lookup(caseNumber.toLowerCase(), "0990123454001", "0922334453");
        assertThat(found.getStatusCode().value()).isEqualTo(200);
        assertThat(found.getBody().get("status").asText()).isEqualTo("PENDING");
        assertThat(found.getBody().get("reason").asText()).isEqualTo("RUC_SUSPENDED");
        assertThat(found.getBody().get("deadline").asText()).isNotBlank();

        ResponseEntity<JsonNode> unknownCase = lookup("CAU-2026-ZZZZZZZZ", "0990123454001", "0922334453");
        ResponseEntity<JsonNode> wrongCedula = lookup(caseNumber, "0990123454001", "1712345675");
        ResponseEntity<JsonNode> wrongRuc = lookup(caseNumber, "1790012344001", "0922334453");
        assertThat(unknownCase.getStatusCode().value()).isEqualTo(404);
        assertThat(wrongCedula.getStatusCode()).isEqualTo(unknownCase.getStatusCode());
        assertThat(wrongCedula.getBody()).isEqualTo(unknownCase.getBody());
        assertThat(wrongRuc.getBody()).isEqualTo(unknownCase.getBody());
        assertThat(wrongCedula.getHeaders().getContentType()).isEqualTo(unknownCase.getHeaders().getContentType());
        assertThat(post("/api/cases/new-link", Map.of("caseNumber", caseNumber, "ruc", "0990123454001", "representativeId", "1712345675"))
                .getBody()).isEqualTo(((ObjectNode) unknownCase.getBody().deepCopy()).put("instance", "/api/cases/new-link"));
    }
}
