package ec.gob.iess.claveempleador.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import ec.gob.iess.claveempleador.identity.Cedula;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.support.ClaveSpringBootTest;
import ec.gob.iess.claveempleador.support.DemoData;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import ec.gob.iess.claveempleador.support.TestMailbox;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Strangers who know an employer's public RUC, from as many addresses as they like, cannot keep the employer from
 * recovering the clave or from signing in: the whole application (API and pages), with the clock in the test's hands.
 */
@ClaveSpringBootTest
class NobodyButTheEmployerCanStopTheEmployerTest {

    static final String RUC = "1790012344001";
    static final String SUCURSAL = "0001";
    static final String REPRESENTATIVE = "1712345675";
    static final String WRONG_CEDULA = "1704567898";
    static final String ANDINA_MAIL = DemoEmployers.ANDINA.email();
    static final String NEW_CLAVE = "tortuga violeta cruza el puente del Guayas";
    static final String EMPLOYER_ADDRESS = "198.51.100.7";
    static final String STRANGER = "203.0.113.66";
    // A minute into a 15-minute window, so that the fixed windows do not turn over in the middle of a test.
    static final Instant START = Instant.parse("2030-05-06T10:01:00Z");

    @Autowired
    WebApplicationContext context;
    @Autowired
    ThrottlePolicy policy;
    @Autowired
    RateLimitProperties limits;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GreenMail mailServer;
    @Autowired
    ObjectMapper json;

    MockMvc mvc;
    TestMailbox mailbox;
    Instant now = START;

    @BeforeEach
    void setUp() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        DemoData.reset(runtime, jdbc);
        mailbox = new TestMailbox(mailServer);
        mailbox.clear();
        ClockUtil.setCurrentTime(Date.from(now));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void mismatchesFromManyAddressesLeaveTheEmployersRequestAnswered201() throws Exception {
        int strangers = 2 * limits.recoveryStartPerEmployer().max();
        for (int stranger = 1; stranger <= strangers; stranger++) {
            assertThat(apiStart(WRONG_CEDULA, "203.0.113." + stranger).getStatus()).isEqualTo(422);
        }

        MockHttpServletResponse employer = apiStart(REPRESENTATIVE, EMPLOYER_ADDRESS);

        assertThat(employer.getStatus()).isEqualTo(201);
        assertThat(body(employer).path("status").asText()).isEqualTo("AWAITING_OTP");
    }

    @Test
    void mismatchesFromManyAddressesLeaveTheEmployerTheCodePage() throws Exception {
        for (int stranger = 1; stranger <= 2 * limits.recoveryStartPerEmployer().max(); stranger++) {
            MockHttpServletResponse refused = pageStart(WRONG_CEDULA, "203.0.113." + stranger);
            assertThat(refused.getRedirectedUrl()).isEqualTo("/recuperar-clave/datos-no-coinciden");
        }

        MockHttpServletResponse employer = pageStart(REPRESENTATIVE, EMPLOYER_ADDRESS);

        assertThat(employer.getRedirectedUrl()).matches("/recuperar-clave/[0-9a-f-]{36}/codigo");
    }

    @Test
    void theEmployersOwnMatchingRequestsAreStillLimited() throws Exception {
        for (int call = 1; call <= limits.recoveryStartPerEmployer().max(); call++) {
            assertThat(apiStart(REPRESENTATIVE, "198.51.100." + call).getStatus()).isEqualTo(201);
        }

        MockHttpServletResponse refused = apiStart(REPRESENTATIVE, EMPLOYER_ADDRESS);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(body(refused).path("code").asText()).isEqualTo("RATE_LIMITED");
    }

    @Test
    void mismatchesAreLimitedPerClient() throws Exception {
        for (int call = 1; call <= limits.recoveryStartPerClient().max(); call++) {
            assertThat(apiStart(WRONG_CEDULA, STRANGER).getStatus()).isEqualTo(422);
        }

        MockHttpServletResponse refused = apiStart(WRONG_CEDULA, STRANGER);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo(Long.toString(Duration.ofMinutes(14).toSeconds()));
        assertThat(apiStart(REPRESENTATIVE, EMPLOYER_ADDRESS).getStatus()).isEqualTo(201);
    }

    @Test
    void mismatchesFromEverybodyShareTheGlobalBudgetAndMatchingDataDoNotSpendIt() {
        EmployerKey andina = EmployerKey.of(RUC, SUCURSAL);
        // Straight to the policy: the budget is sized for a country, too many requests for a test to send one by one.
        for (int call = 0; call < limits.recoveryMismatchGlobal().max(); call++) {
            policy.beforeRecoveryStart(andina, Cedula.parse(WRONG_CEDULA), "10.0." + call / 250 + "." + call % 250);
        }

        assertThatThrownBy(() -> policy.beforeRecoveryStart(andina, Cedula.parse(WRONG_CEDULA), "10.9.9.9"))
                .isInstanceOfSatisfying(RateLimitExceededException.class,
                        e -> assertThat(e.limit()).isEqualTo(RateLimit.RECOVERY_MISMATCH_GLOBAL));
        assertThatCode(() -> policy.beforeRecoveryStart(andina, Cedula.parse(REPRESENTATIVE), "10.9.9.9")).doesNotThrowAnyException();
    }

    @Test
    void tenWrongSignInsFromAStrangerLeaveTheRightClaveAcceptedFromAnotherAddress() throws Exception {
        List<Integer> stranger = new ArrayList<>();
        for (int attempt = 1; attempt <= 10; attempt++) {
            stranger.add(apiSignIn("no es la clave " + attempt, STRANGER).getStatus());
        }

        assertThat(stranger).containsOnly(401, 429).contains(429);
        assertThat(apiSignIn(DemoData.OLD_CLAVE, EMPLOYER_ADDRESS).getStatus()).isEqualTo(200);
        assertThat(pageSignIn(DemoData.OLD_CLAVE, EMPLOYER_ADDRESS).getRedirectedUrl()).isEqualTo("/ingreso/bienvenido");
        MockHttpServletResponse strangerPage = pageSignIn(DemoData.OLD_CLAVE, STRANGER);
        assertThat(strangerPage.getStatus()).isEqualTo(429);
        assertThat(strangerPage.getContentAsString()).contains("espere").contains("antes de volver a intentar");
    }

    @Test
    void eachFurtherFailureDoublesTheWaitUpToTheCapAndRetryAfterSaysIt() throws Exception {
        RateLimitProperties.SignInDelay delays = limits.signInDelay();
        for (int attempt = 1; attempt <= delays.freeFailures(); attempt++) {
            assertThat(apiSignIn("no es la clave", STRANGER).getStatus()).isEqualTo(401);
        }

        List<Long> waits = new ArrayList<>();
        for (int failure = delays.freeFailures() + 1; failure <= delays.freeFailures() + 8; failure++) {
            assertThat(apiSignIn("no es la clave", STRANGER).getStatus()).isEqualTo(401);
            MockHttpServletResponse refused = apiSignIn(DemoData.OLD_CLAVE, STRANGER);
            assertThat(refused.getStatus()).isEqualTo(429);
            long wait = Long.parseLong(refused.getHeader("Retry-After"));
            waits.add(wait);
            advanceClock(Duration.ofSeconds(wait - 1));
            assertThat(apiSignIn(DemoData.OLD_CLAVE, STRANGER).getStatus()).as("one second early").isEqualTo(429);
            advanceClock(Duration.ofSeconds(1));
        }

        // application.yaml: 30 s after the sixth failure, doubling, at most 15 minutes.
        assertThat(waits).containsExactly(30L, 60L, 120L, 240L, 480L, 900L, 900L, 900L);
        assertThat(apiSignIn(DemoData.OLD_CLAVE, STRANGER).getStatus()).isEqualTo(200);
    }

    @Test
    void theRightClaveClearsThatClientsFailures() throws Exception {
        int free = limits.signInDelay().freeFailures();
        for (int attempt = 1; attempt <= free + 1; attempt++) {
            apiSignIn("no es la clave", EMPLOYER_ADDRESS);
        }
        assertThat(apiSignIn(DemoData.OLD_CLAVE, EMPLOYER_ADDRESS).getStatus()).isEqualTo(429);
        advanceClock(limits.signInDelay().firstDelay());

        assertThat(apiSignIn(DemoData.OLD_CLAVE, EMPLOYER_ADDRESS).getStatus()).isEqualTo(200);

        for (int attempt = 1; attempt <= free; attempt++) {
            assertThat(apiSignIn("no es la clave", EMPLOYER_ADDRESS).getStatus()).as("free again").isEqualTo(401);
        }
    }

    @Test
    void aCompletedResetClearsTheEmployersSignInFailures() throws Exception {
        for (int attempt = 1; attempt <= limits.signInDelay().freeFailures() + 1; attempt++) {
            apiSignIn("no es la clave", STRANGER);
        }
        assertThat(apiSignIn(DemoData.OLD_CLAVE, STRANGER).getStatus()).isEqualTo(429);

        resetClaveOnline();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_failure").query(Integer.class).single()).isZero();
        assertThat(apiSignIn(NEW_CLAVE, STRANGER).getStatus()).isEqualTo(200);
    }

    /** The employer's whole online recovery, through the API, with the mail jobs run by hand. */
    private void resetClaveOnline() throws Exception {
        MockHttpServletResponse started = apiStart(REPRESENTATIVE, EMPLOYER_ADDRESS);
        assertThat(started.getStatus()).isEqualTo(201);
        String recoveryId = body(started).path("recoveryId").asText();
        runJob(recoveryId, "ServiceTask_SendOtpMail");
        String code = mailbox.codeSentTo(ANDINA_MAIL);
        assertThat(api("/api/recoveries/" + recoveryId + "/otp", "{\"code\": \"" + code + "\"}", EMPLOYER_ADDRESS).getStatus())
                .isEqualTo(200);
        runJob(recoveryId, "ServiceTask_SendLinkMail");
        String token = mailbox.tokenSentTo(ANDINA_MAIL);
        MockHttpServletResponse changed = api("/api/recoveries/password", """
                {"token": "%s", "newPassword": "%s", "confirmation": "%s"}""".formatted(token, NEW_CLAVE, NEW_CLAVE), EMPLOYER_ADDRESS);
        assertThat(body(changed).path("status").asText()).isEqualTo("COMPLETED");
    }

    private void runJob(String recoveryId, String activityId) {
        String processInstanceId = jdbc.sql("SELECT process_instance_id FROM recovery WHERE id = ?").param(recoveryId)
                .query(String.class).single();
        management.executeJob(management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .singleResult().getId());
    }

    private MockHttpServletResponse apiStart(String cedula, String client) throws Exception {
        return api("/api/recoveries", """
                {"ruc": "%s", "sucursal": "%s", "representativeId": "%s"}""".formatted(RUC, SUCURSAL, cedula), client);
    }

    private MockHttpServletResponse apiSignIn(String clave, String client) throws Exception {
        return api("/api/sign-in", """
                {"ruc": "%s", "sucursal": "%s", "password": "%s"}""".formatted(RUC, SUCURSAL, clave), client);
    }

    private MockHttpServletResponse api(String path, String content, String client) throws Exception {
        return perform(post(path).contentType(MediaType.APPLICATION_JSON).content(content), client);
    }

    private MockHttpServletResponse pageStart(String cedula, String client) throws Exception {
        return perform(post("/recuperar-clave").with(csrf()).param("ruc", RUC).param("sucursal", SUCURSAL).param("cedula", cedula),
                client);
    }

    private MockHttpServletResponse pageSignIn(String clave, String client) throws Exception {
        return perform(post("/ingreso").with(csrf()).param("ruc", RUC).param("sucursal", SUCURSAL).param("password", clave), client);
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, String client) throws Exception {
        return mvc.perform(request.with(r -> {
            r.setRemoteAddr(client);
            return r;
        })).andReturn().getResponse();
    }

    private JsonNode body(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString());
    }

    private void advanceClock(Duration duration) {
        now = now.plus(duration);
        ClockUtil.setCurrentTime(Date.from(now));
    }
}
