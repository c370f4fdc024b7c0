package ec.gob.iess.claveempleador.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import ec.gob.iess.claveempleador.credential.SignInService;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.ratelimit.RateLimit;
import ec.gob.iess.claveempleador.ratelimit.RateLimitExceededException;
import ec.gob.iess.claveempleador.ratelimit.RateLimitProperties;
import ec.gob.iess.claveempleador.ratelimit.RateLimiter;
import ec.gob.iess.claveempleador.ratelimit.ThrottlePolicy;
import ec.gob.iess.claveempleador.recovery.LinkToken;
import ec.gob.iess.claveempleador.recovery.OtpCode;
import ec.gob.iess.claveempleador.recovery.RecoveryId;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.AwaitingOtp;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeAccepted;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordChanged;
import ec.gob.iess.claveempleador.recovery.RecoveryService;
import ec.gob.iess.claveempleador.recovery.RecoveryStatus;
import ec.gob.iess.claveempleador.support.DemoData;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import ec.gob.iess.claveempleador.support.TestMailbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes of the prod profile on one PostgreSQL database, as in production scale-out: a recovery
 * started on one node goes on from the other, each mail is sent exactly once by whichever job executor
 * takes the job, and the prod profile brings no demo data and no default secrets.
 */
class TwoNodeClusterTest {

    private static final String MAIL = DemoEmployers.ANDINA.email();
    private static final String NEW_CLAVE = "tortuga violeta cruza el puente del Guayas";

    private static SharedBackends backends;
    private static GreenMail smtp;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startDatabaseAndTwoNodes() throws Exception {
        backends = SharedBackends.start();
        smtp = backends.smtp;
        nodeA = backends.startNode();
        nodeB = backends.startNode();
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM employer").query(Integer.class).single()).as("prod has no demo data").isZero();
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
    void aRecoveryStartedOnOneNodeFinishesOnTheOtherWithEachMailSentOnce() {
        RecoveryService onA = nodeA.getBean(RecoveryService.class);
        RecoveryService onB = nodeB.getBean(RecoveryService.class);
        TestMailbox mailbox = new TestMailbox(smtp);

        AwaitingOtp started = (AwaitingOtp) onA.start(DemoEmployers.ANDINA.key(), DemoEmployers.ANDINA.representative());
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.to(MAIL).size() == 1);
        assertThat(onB.submitCode(new RecoveryId(started.recoveryId()), OtpCode.parse(mailbox.codeSentTo(MAIL)).orElseThrow())).isInstanceOf(CodeAccepted.class);

        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.to(MAIL).size() == 2);
        assertThat(onA.submitNewPassword(LinkToken.parse(mailbox.tokenSentTo(MAIL)).orElseThrow(), NEW_CLAVE, NEW_CLAVE)).isInstanceOf(PasswordChanged.class);

        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.to(MAIL).size() == 3);
        assertThat(onB.status(new RecoveryId(started.recoveryId())).orElseThrow().status()).isEqualTo(RecoveryStatus.COMPLETED);
        assertThat(nodeB.getBean(SignInService.class).signIn(DemoEmployers.ANDINA.key(), NEW_CLAVE)).isTrue();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> mailbox.to(MAIL).size() == 3);
        assertThat(List.of(TestMailbox.subject(mailbox.to(MAIL).get(2)))).containsExactly("Su clave de empleador fue cambiada");
    }

    @Test
    void rateLimitsAreCountedAcrossNodes() {
        RateLimiter onA = nodeA.getBean(RateLimiter.class);
        RateLimiter onB = nodeB.getBean(RateLimiter.class);
        int max = nodeA.getBean(RateLimitProperties.class).recoveryStartPerEmployer().max();

        for (int call = 0; call < max; call++) {
            (call % 2 == 0 ? onA : onB).check(RateLimit.RECOVERY_START_PER_EMPLOYER, "17900123440010001");
        }

        assertThatThrownBy(() -> onA.check(RateLimit.RECOVERY_START_PER_EMPLOYER, "17900123440010001"))
                .isInstanceOf(RateLimitExceededException.class);
        assertThatThrownBy(() -> onB.check(RateLimit.RECOVERY_START_PER_EMPLOYER, "17900123440010001"))
                .isInstanceOf(RateLimitExceededException.class);
    }

    @Test
    void signInDelaysHoldAcrossNodesAndANewClaveClearsThem() {
        ThrottlePolicy onA = nodeA.getBean(ThrottlePolicy.class);
        ThrottlePolicy onB = nodeB.getBean(ThrottlePolicy.class);
        EmployerKey employer = DemoEmployers.ANDINA_GUAYAQUIL.key();
        String stranger = "203.0.113.66";

        for (int failure = 0; failure <= nodeA.getBean(RateLimitProperties.class).signInDelay().freeFailures(); failure++) {
            ThrottlePolicy node = failure % 2 == 0 ? onA : onB;
            node.beforeSignIn(employer, stranger);
            node.afterSignIn(employer, stranger, false);
        }

        assertThatThrownBy(() -> onB.beforeSignIn(employer, stranger)).isInstanceOfSatisfying(RateLimitExceededException.class,
                e -> assertThat(e.limit()).isEqualTo(RateLimit.SIGN_IN_DELAY));
        assertThatCode(() -> onA.beforeSignIn(employer, "198.51.100.7")).doesNotThrowAnyException();
        onA.afterClaveReset(employer);
        assertThatCode(() -> onB.beforeSignIn(employer, stranger)).doesNotThrowAnyException();
    }

    @Test
    void prodRefusesToStartWithoutItsHmacKey() {
        assertThatThrownBy(() -> backends.startNode("clave.security.hmac-key=").close()).hasStackTraceContaining("hmacKey");
    }
}
