package ec.gob.iess.claveempleador.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import ec.gob.iess.claveempleador.support.AllAtOnce;
import ec.gob.iess.claveempleador.support.DemoData;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import ec.gob.iess.claveempleador.support.RecoveryLoad;
import ec.gob.iess.claveempleador.support.RecoveryLoad.LoadEmployer;
import ec.gob.iess.claveempleador.support.RecoveryLoad.Report;
import ec.gob.iess.claveempleador.support.TestMailbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Clients at the same moment, over real HTTP, with the job executor sending the mails: one right code sent by
 * eight clients, one link used for two claves, and a small crowd of employers recovering their claves at once.
 * The rate limits are raised: every client here comes from the same address, and limits are not what is tested.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:clave-concurrent-http;DB_CLOSE_DELAY=-1",
        "spring.mail.port=0",
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000",
        "clave.rate-limit.recovery-start-per-client.max=100000",
        "clave.rate-limit.otp-attempt-per-client.max=100000",
        "clave.rate-limit.link-lookup-per-client.max=100000",
        "clave.rate-limit.sign-in-per-client.max=100000"
})
class ConcurrentRecoveryHttpTest {

    private static final Logger log = LoggerFactory.getLogger(ConcurrentRecoveryHttpTest.class);
    private static final String ANDINA_MAIL = DemoEmployers.ANDINA.email();
    private static final String GYE_MAIL = DemoEmployers.ANDINA_GUAYAQUIL.email();
    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    GreenMail smtp;
    @Autowired
    JdbcClient jdbc;

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

    @Test
    void theRightCodeFromEightClientsAtOnceGetsOne200AndSevenAlreadyUsedAndOneLinkMail() throws Exception {
        int before = mailbox.to(ANDINA_MAIL).size();
        String recoveryId = start("0001").getBody().path("recoveryId").asText();
        awaitMails(ANDINA_MAIL, before + 1);
        String code = mailbox.codeSentTo(ANDINA_MAIL);

        List<ResponseEntity<JsonNode>> answers = AllAtOnce.times(8, () -> post("/api/recoveries/" + recoveryId + "/otp", Map.of("code", code)));

        assertThat(answers).extracting(ConcurrentRecoveryHttpTest::status).containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
        answers.stream().filter(a -> status(a) == 409).forEach(a -> RecoveryApiHttpTest.assertProblem(a, 409, "OTP_ALREADY_USED"));
        awaitMails(ANDINA_MAIL, before + 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> mailbox.to(ANDINA_MAIL).size() == before + 2);
        assertThat(TestMailbox.subject(mailbox.latestTo(ANDINA_MAIL))).startsWith("Recuperación de clave");
    }

    @Test
    void twoClavesAtOnceOnOneLinkGetOneCompletedAndSignInWorksWithExactlyThatClave() throws Exception {
        int before = mailbox.to(GYE_MAIL).size();
        String recoveryId = start("0002").getBody().path("recoveryId").asText();
        awaitMails(GYE_MAIL, before + 1);
        assertThat(post("/api/recoveries/" + recoveryId + "/otp", Map.of("code", mailbox.codeSentTo(GYE_MAIL))).getStatusCode().value())
                .isEqualTo(200);
        awaitMails(GYE_MAIL, before + 2);
        String token = mailbox.tokenSentTo(GYE_MAIL);
        String first = "tortuga violeta cruza el puente del Guayas";
        String second = "colibri naranja duerme bajo el volcan Cotopaxi";

        List<ResponseEntity<JsonNode>> answers = AllAtOnce.all(List.<Callable<ResponseEntity<JsonNode>>>of(
                () -> post("/api/recoveries/password", Map.of("token", token, "newPassword", first, "confirmation", first)),
                () -> post("/api/recoveries/password", Map.of("token", token, "newPassword", second, "confirmation", second))));

        assertThat(answers).extracting(ConcurrentRecoveryHttpTest::status).containsExactlyInAnyOrder(200, 410);
        ResponseEntity<JsonNode> refusedAnswer = answers.stream().filter(a -> status(a) == 410).findFirst().orElseThrow();
        RecoveryApiHttpTest.assertProblem(refusedAnswer, 410, "LINK_EXPIRED");
        assertThat(refusedAnswer.getBody().path("used").asBoolean()).isTrue();
        String stored = status(answers.get(0)) == 200 ? first : second;
        String refused = stored.equals(first) ? second : first;
        assertThat(signIn("0002", stored)).isEqualTo(200);
        assertThat(signIn("0002", refused)).isEqualTo(401);
        assertThat(signIn("0002", DemoData.OLD_CLAVE)).isEqualTo(401);
    }

    @Test
    void twelveEmployersRecoveringThreeTimesAtOnceSeeNo5xxLoseNoMailAndEveryRecoveryCompletes() throws Exception {
        List<LoadEmployer> crowd = RecoveryLoad.seed(jdbc, 12, DemoData.OLD_CLAVE_HASH);

        Report report = new RecoveryLoad("http://localhost:" + port, smtp, MAIL_WAIT).run(crowd, 3);

        log.info("Small crowd:\n{}", report.table());
        assertThat(report.serverErrors()).as(report.table()).isZero();
        assertThat(report.failedCalls()).as(report.table()).isZero();
        assertThat(report.lostMails()).as(report.table()).isZero();
        assertThat(report.flows()).isEqualTo(36);
        assertThat(report.completed()).as(report.table()).isEqualTo(36);
    }

    private ResponseEntity<JsonNode> start(String sucursal) {
        ResponseEntity<JsonNode> started = post("/api/recoveries",
                Map.of("ruc", "1790012344001", "sucursal", sucursal, "representativeId", "1712345675"));
        assertThat(started.getStatusCode().value()).isEqualTo(201);
        return started;
    }

    private int signIn(String sucursal, String clave) {
        return post("/api/sign-in", Map.of("ruc", "1790012344001", "sucursal", sucursal, "password", clave)).getStatusCode().value();
    }

    private ResponseEntity<JsonNode> post(String path, Map<String, String> body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    private void awaitMails(String address, int count) {
        await().atMost(MAIL_WAIT).until(() -> mailbox.to(address).size() >= count);
    }

    private static int status(ResponseEntity<JsonNode> answer) {
        return answer.getStatusCode().value();
    }
}
