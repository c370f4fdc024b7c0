package ec.gob.iess.claveempleador.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import ec.gob.iess.claveempleador.recovery.AssistedReason;
import ec.gob.iess.claveempleador.recovery.OtpCode;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import ec.gob.iess.claveempleador.support.DemoEmployers.DemoEmployer;
import ec.gob.iess.claveempleador.support.TestMailbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The public API over real HTTP on the whole application: the job executor sends the mails through the
 * embedded SMTP server, and the test reads codes and links from there as an employer would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:clave-api-http;DB_CLOSE_DELAY=-1",
        "spring.mail.port=0",
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000"
})
class RecoveryApiHttpTest {

    static final String OLD_CLAVE = "Clave anterior de demostracion 2025";
    static final String NEW_CLAVE = "tortuga violeta cruza el puente del Guayas";
    static final String ANDINA_MAIL = DemoEmployers.ANDINA.email();
    static final String ANDINA_GYE_MAIL = DemoEmployers.ANDINA_GUAYAQUIL.email();

    @LocalServerPort
    int port;

    @Autowired
    GreenMail smtp;

    RestClient http;
    TestMailbox mailbox;

    @BeforeEach
    void client() {
        http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {
                })
                .build();
        mailbox = new TestMailbox(smtp);
    }

    ResponseEntity<JsonNode> post(String path, Map<String, String> body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    ResponseEntity<JsonNode> start(String ruc, String sucursal, String representativeId) {
        return post("/api/recoveries", Map.of("ruc", ruc, "sucursal", sucursal, "representativeId", representativeId));
    }

    ResponseEntity<JsonNode> start(DemoEmployer employer) {
        return start(employer.ruc(), employer.sucursal(), employer.representativeId());
    }

    ResponseEntity<JsonNode> submitCode(String recoveryId, String code) {
        return post("/api/recoveries/" + recoveryId + "/otp", Map.of("code", code));
    }

    ResponseEntity<JsonNode> newPassword(String token, String password) {
        return post("/api/recoveries/password", Map.of("token", token, "newPassword", password, "confirmation", password));
    }

    ResponseEntity<JsonNode> signIn(String ruc, String sucursal, String password) {
        return post("/api/sign-in", Map.of("ruc", ruc, "sucursal", sucursal, "password", password));
    }

    ResponseEntity<JsonNode> status(String recoveryId) {
        return http.get().uri("/api/recoveries/" + recoveryId).retrieve().toEntity(JsonNode.class);
    }

    /** Waits for the next mail to the address (the mails go out from a job, a moment after the answer). */
    void awaitMailNumber(int number, String address) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.to(address).size() >= number);
    }

    static void assertProblem(ResponseEntity<JsonNode> answer, int status, String code) {
        assertThat(answer.getStatusCode().value()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().path("code").asText()).isEqualTo(code);
    }

    static String wrongCodeFor(String code) {
        // The last digit turned by one: a wrong code of the same length.
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    @Test
    void aNewCodeAskedForAtOnceMustWaitAndAnOlderTabsCodeIsToldItWasReplaced() {
        String older = start(DemoEmployers.CEVALLOS).getBody().path("recoveryId").asText();

        ResponseEntity<JsonNode> tooSoon = http.post().uri("/api/recoveries/" + older + "/otp/resend").retrieve().toEntity(JsonNode.class);
        assertProblem(tooSoon, 429, "RESEND_TOO_SOON");
        assertThat(Long.parseLong(tooSoon.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
        assertThat(tooSoon.getBody().path("resendAvailableAt").asText()).isNotBlank();

        String newer = start(DemoEmployers.CEVALLOS).getBody().path("recoveryId").asText();
        assertThat(newer).isNotEqualTo(older);
        assertProblem(submitCode(older, OtpCode.example()), 410, "RECOVERY_SUPERSEDED");
        assertProblem(http.post().uri("/api/recoveries/" + older + "/otp/resend").retrieve().toEntity(JsonNode.class), 410, "RECOVERY_SUPERSEDED");
        assertThat(status(newer).getBody().path("attemptsLeft").asInt()).isEqualTo(3);
    }

    @Test
    void employerRecoversTheClaveAndSignsInWithTheNewOneOnly() {
        int mailsBefore = mailbox.to(ANDINA_MAIL).size();

        ResponseEntity<JsonNode> started = start(DemoEmployers.ANDINA);
        assertThat(started.getStatusCode().value()).isEqualTo(201);
        String recoveryId = started.getBody().path("recoveryId").asText();
        assertThat(started.getBody().path("status").asText()).isEqualTo("AWAITING_OTP");
        assertThat(started.getBody().path("maskedEmail").asText()).endsWith("@comercial-andina.example").doesNotContain("talento");
        assertThat(started.getBody().path("expiresAt").asText()).isNotBlank();
        assertThat(started.getHeaders().getLocation()).hasPath("/api/recoveries/" + recoveryId);

        awaitMailNumber(mailsBefore + 1, ANDINA_MAIL);
        String code = mailbox.codeSentTo(ANDINA_MAIL);
        assertThat(status(recoveryId).getBody().path("attemptsLeft").asInt()).isEqualTo(3);

        ResponseEntity<JsonNode> accepted = submitCode(recoveryId, code);
        assertThat(accepted.getStatusCode().value()).isEqualTo(200);
        assertThat(accepted.getBody().path("status").asText()).isEqualTo("AWAITING_NEW_PASSWORD");
        assertThat(status(recoveryId).getBody().path("status").asText()).isEqualTo("AWAITING_NEW_PASSWORD");

        awaitMailNumber(mailsBefore + 2, ANDINA_MAIL);
        String token = mailbox.tokenSentTo(ANDINA_MAIL);
        ResponseEntity<JsonNode> changed = newPassword(token, NEW_CLAVE);
        assertThat(changed.getStatusCode().value()).isEqualTo(200);
        assertThat(changed.getBody().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(status(recoveryId).getBody().path("status").asText()).isEqualTo("COMPLETED");

        ResponseEntity<JsonNode> signedIn = signIn("1790012344001", "0001", NEW_CLAVE);
        assertThat(signedIn.getStatusCode().value()).isEqualTo(200);
        assertThat(signedIn.getBody().path("status").asText()).isEqualTo("SIGNED_IN");
        assertProblem(signIn("1790012344001", "0001", OLD_CLAVE), 401, "SIGN_IN_FAILED");

        ResponseEntity<JsonNode> reused = newPassword(token, "otra frase larga para la clave de Andina");
        assertProblem(reused, 410, "LINK_EXPIRED");
        assertThat(reused.getBody().path("used").asBoolean()).isTrue();
    }

    @Test
    void wrongCodesCountDownAndTheThirdLocksTheRecovery() {
        int mailsBefore = mailbox.to(ANDINA_GYE_MAIL).size();
        String recoveryId = start(DemoEmployers.ANDINA_GUAYAQUIL).getBody().path("recoveryId").asText();
        awaitMailNumber(mailsBefore + 1, ANDINA_GYE_MAIL);
        String wrong = wrongCodeFor(mailbox.codeSentTo(ANDINA_GYE_MAIL));

        ResponseEntity<JsonNode> first = submitCode(recoveryId, wrong);
        assertProblem(first, 422, "OTP_INVALID");
        assertThat(first.getBody().path("attemptsLeft").asInt()).isEqualTo(2);
        ResponseEntity<JsonNode> second = submitCode(recoveryId, wrong);
        assertProblem(second, 422, "OTP_INVALID");
        assertThat(second.getBody().path("attemptsLeft").asInt()).isEqualTo(1);
        assertProblem(submitCode(recoveryId, wrong), 410, "OTP_LOCKED");

        assertProblem(submitCode(recoveryId, mailbox.codeSentTo(ANDINA_GYE_MAIL)), 410, "OTP_LOCKED");
        assertThat(status(recoveryId).getBody().path("status").asText()).isEqualTo("OTP_LOCKED");
    }

    @Test
    void mismatchAndUnknownEmployerGetTheSameAnswer() {
        ResponseEntity<JsonNode> mismatch = start("1790012344001", "0001", "1704567898");
        ResponseEntity<JsonNode> unknown = start("1790012344001", "0077", "1712345675");

        assertProblem(mismatch, 422, "DATA_MISMATCH");
        assertThat(unknown.getStatusCode()).isEqualTo(mismatch.getStatusCode());
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(mismatch.getHeaders().getContentType());
        assertThat(unknown.getBody()).isEqualTo(mismatch.getBody());
    }

    @Test
    void suspendedRucIsSentToAServiceCentreWithACaseNumber() {
        ResponseEntity<JsonNode> started = start(DemoEmployers.PESQUERA);

        assertThat(started.getStatusCode().value()).isEqualTo(201);
        assertThat(started.getBody().path("status").asText()).isEqualTo("ASSISTED_PENDING");
        assertThat(started.getBody().path("reason").asText()).isEqualTo("RUC_SUSPENDED");
        assertThat(started.getBody().path("caseNumber").asText()).matches("CAU-\\d{4}-[2-9A-Z]{8}");
        assertThat(started.getBody().path("instructions").asText()).contains(started.getBody().path("caseNumber").asText());
    }

    @Test
    void unknownLinkTokenAnswers404() {
        assertProblem(newPassword("bm8tc3VjaC10b2tlbi1leGlzdHMtaGVyZS1hdC1hbGwtMDAw", NEW_CLAVE), 404, "LINK_INVALID");
    }

    @Test
    void matchingStartsPastTheEmployerLimitAnswer429WithRetryAfter() {
        // Only data that match the registry count against the employer (strangers cannot use them up).
        List<Integer> statuses = new ArrayList<>();
        for (int call = 1; call <= 5; call++) {
            statuses.add(start(DemoEmployers.MARIA_PEREZ).getStatusCode().value());
        }
        ResponseEntity<JsonNode> refused = start(DemoEmployers.MARIA_PEREZ);

        assertThat(statuses).containsOnly(201);
        assertProblem(refused, 429, "RATE_LIMITED");
        assertThat(Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 900L);
    }

    @Test
    void badInputOverHttpIsAProblemNeverA500() {
        ResponseEntity<JsonNode> notJson = http.post().uri("/api/recoveries").contentType(MediaType.TEXT_PLAIN).body("ruc=1")
                .retrieve().toEntity(JsonNode.class);
        assertProblem(notJson, 415, "UNSUPPORTED_MEDIA_TYPE");

        ResponseEntity<JsonNode> brokenJson = http.post().uri("/api/recoveries").contentType(MediaType.APPLICATION_JSON).body("{\"ruc\":")
                .retrieve().toEntity(JsonNode.class);
        assertProblem(brokenJson, 400, "MALFORMED_REQUEST");

        assertProblem(http.method(HttpMethod.DELETE).uri("/api/recoveries").retrieve().toEntity(JsonNode.class), 405, "METHOD_NOT_ALLOWED");
        assertProblem(http.get().uri("/api/recoveries/not-a-uuid").retrieve().toEntity(JsonNode.class), 404, "RECOVERY_NOT_FOUND");
        assertProblem(http.get().uri("/api/no-such-thing").retrieve().toEntity(JsonNode.class), 404, "NOT_FOUND");
    }

    @Test
    void openApiDescribesThePublicApiOnly() {
        ResponseEntity<JsonNode> docs = http.get().uri("/v3/api-docs").retrieve().toEntity(JsonNode.class);

        assertThat(docs.getStatusCode().value()).isEqualTo(200);
        JsonNode description = docs.getBody();
        assertThat(description.path("info").path("title").asText()).contains("Recuperación de clave de empleador");
        List<String> paths = new ArrayList<>();
        description.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).containsExactlyInAnyOrder("/api/recoveries", "/api/recoveries/{recoveryId}/otp",
                "/api/recoveries/{recoveryId}/otp/resend", "/api/recoveries/{recoveryId}", "/api/recoveries/password", "/api/sign-in",
                "/api/cases/lookup", "/api/cases/new-link");
        List<String> newLinkAnswers = new ArrayList<>();
        description.path("paths").path("/api/cases/new-link").path("post").path("responses").fieldNames().forEachRemaining(newLinkAnswers::add);
        assertThat(newLinkAnswers).contains("202", "400", "404", "409", "429");
        List<String> resendAnswers = new ArrayList<>();
        description.path("paths").path("/api/recoveries/{recoveryId}/otp/resend").path("post").path("responses").fieldNames()
                .forEachRemaining(resendAnswers::add);
        assertThat(resendAnswers).containsExactlyInAnyOrder("200", "404", "409", "410", "429");
        List<String> startAnswers = new ArrayList<>();
        description.path("paths").path("/api/recoveries").path("post").path("responses").fieldNames().forEachRemaining(startAnswers::add);
        assertThat(startAnswers).contains("201", "400", "415", "422", "429");
        assertThat(description.path("paths").path("/api/recoveries/{recoveryId}/otp").path("post").path("responses").has("410")).isTrue();
        assertThat(description.path("components").path("schemas").has("Problem")).isTrue();
        assertThat(description.path("components").path("schemas").findValue("mailDelivery"))
                .as("the status answer documents mailDelivery").isNotNull()
                .extracting(Object::toString).asString().contains("PENDING", "RETRYING", "SENT", "FAILED");
        List<String> documentedReasons = new ArrayList<>();
        description.path("components").path("schemas").path("AssistedPendingResponse").path("properties").path("reason").path("enum")
                .forEach(reason -> documentedReasons.add(reason.asText()));
        assertThat(documentedReasons).as("the assisted reasons come from the enum")
                .containsExactlyElementsOf(Arrays.stream(AssistedReason.values()).map(Enum::name).toList());

        String swaggerUi = http.get().uri("/swagger-ui/index.html").retrieve().body(String.class);
        assertThat(swaggerUi).contains("swagger-ui");
    }
}
