package ec.gob.iess.claveempleador.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** Health is open; metrics are for operators (Camunda administrators), not for staff or the public. */
@StaffWebTest
class OperatorEndpointsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;

    /** A wrong password delays the user's next sign-in (Camunda's login delay); the browser tests sign in next. */
    @AfterEach
    void forgetFailedSignIns() {
        identity.unlockUser("demo");
        identity.unlockUser("agente");
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @CsvSource(nullValues = "-", value = {
            "/actuator/health,     -,      200",
            "/actuator/metrics,    -,      401",
            "/actuator/prometheus, -,      401",
            "/actuator/metrics,    agente, 403",
            "/actuator/prometheus, agente, 403",
            "/actuator/metrics,    demo,   200",
            "/actuator/prometheus, demo,   200"
    })
    void actuatorAnswersByWhoAsks(String path, String user, int status) {
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, user);

        ResponseEntity<String> response = client.getForEntity(path, String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(status);
        if (path.endsWith("prometheus") && status == 200) {
            assertThat(response.getBody()).contains("jvm_memory_used_bytes");
        }
    }

    @ParameterizedTest(name = "wrong password for {0}")
    @CsvSource({"demo", "agente"})
    void aWrongPasswordIsRefused(String user) {
        assertThat(http.withBasicAuth(user, "wrong").getForEntity("/actuator/metrics", String.class).getStatusCode().value())
                .isEqualTo(401);
    }
}
