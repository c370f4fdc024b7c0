package ec.gob.iess.claveempleador.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import com.icegreen.greenmail.util.GreenMail;
import ec.gob.iess.claveempleador.credential.SignInService;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.recovery.LinkToken;
import ec.gob.iess.claveempleador.recovery.OtpCode;
import ec.gob.iess.claveempleador.recovery.RecoveryId;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.AwaitingOtp;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeAccepted;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeAlreadyUsed;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeExpired;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeResult;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.LinkExpired;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordChanged;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordResult;
import ec.gob.iess.claveempleador.recovery.RecoveryService;
import ec.gob.iess.claveempleador.recovery.RecoveryStatus;
import ec.gob.iess.claveempleador.support.AllAtOnce;
import ec.gob.iess.claveempleador.support.DemoData;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import ec.gob.iess.claveempleador.support.RecoveryLoad;
import ec.gob.iess.claveempleador.support.RecoveryLoad.Report;
import ec.gob.iess.claveempleador.support.TestMailbox;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The races of one recovery on PostgreSQL with the prod profile and its job executor running, as in production:
 * row locks, isolation and deadlock detection differ from H2, so the same answers are proven here too.
 */
class PostgresRacesTest {

    private static final Logger log = LoggerFactory.getLogger(PostgresRacesTest.class);
    private static final String MAIL = DemoEmployers.ANDINA.email();
    private static final EmployerKey ANDINA = DemoEmployers.ANDINA.key();
    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);

    private static SharedBackends backends;
    private static GreenMail smtp;
    private static ConfigurableApplicationContext node;

    private RecoveryService recoveries;
    private TestMailbox mailbox;

    @BeforeAll
    static void startDatabaseAndNode() throws Exception {
        backends = SharedBackends.start();
        smtp = backends.smtp;
        node = backends.startNode(
                // Every client of the crowd comes from one address; limits are not what is tested here.
                "clave.rate-limit.recovery-start-per-client.max=100000",
                "clave.rate-limit.otp-attempt-per-client.max=100000",
                "clave.rate-limit.link-lookup-per-client.max=100000");
        JdbcClient jdbc = node.getBean(JdbcClient.class);
        DemoData.registerComercialAndina(jdbc, MAIL);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (node != null) {
            node.close();
        }
        if (backends != null) {
            backends.close();
        }
    }

    @BeforeEach
    void services() {
        recoveries = node.getBean(RecoveryService.class);
        mailbox = new TestMailbox(smtp);
    }

    @Test
    void nodesSettingUpStaffTogetherOnAFreshDatabaseCreateEachTasklistFilterOnce() throws Exception {
        ProcessEngine engine = node.getBean(ProcessEngine.class);
        FilterService filters = engine.getFilterService();
        filters.createFilterQuery().list().forEach(filter -> filters.deleteFilter(filter.getId()));
        // The staff setup as every node runs it when its engine starts.
        ProcessEnginePlugin staffSetup = node.getBean("staffSetup", ProcessEnginePlugin.class);

        AllAtOnce.times(8, () -> {
            staffSetup.postProcessEngineBuild(engine);
            return null;
        });

        assertThat(filters.createFilterQuery().list()).extracting(Filter::getName).containsExactlyInAnyOrder("Atención asistida", "Mis casos");
    }

    @Test
    void theRightCodeFromEightClientsAtOnceIsAcceptedOnceAndOneLinkMailGoesOut() throws Exception {
        int before = mailbox.to(MAIL).size();
        String recoveryId = start();
        awaitMails(before + 1);
        String code = mailbox.codeSentTo(MAIL);

        List<CodeResult> answers = AllAtOnce.times(8, () -> recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(code).orElseThrow()));

        assertThat(answers).filteredOn(CodeAccepted.class::isInstance).hasSize(1);
        assertThat(answers).filteredOn(CodeAlreadyUsed.class::isInstance).hasSize(7);
        awaitMails(before + 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> mailbox.to(MAIL).size() == before + 2);
    }

    @Test
    void twoClavesAtOnceOnOneLinkCompleteOnceAndTheClaveAnsweredCompletedIsTheStoredOne() throws Exception {
        int before = mailbox.to(MAIL).size();
        String recoveryId = start();
        awaitMails(before + 1);
        assertThat(recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(mailbox.codeSentTo(MAIL)).orElseThrow())).isInstanceOf(CodeAccepted.class);
        awaitMails(before + 2);
        String token = mailbox.tokenSentTo(MAIL);
        String first = "tortuga violeta cruza el puente del Guayas";
        String second = "colibri naranja duerme bajo el volcan Cotopaxi";

        List<PasswordResult> answers = AllAtOnce.all(List.<Callable<PasswordResult>>of(
                () -> recoveries.submitNewPassword(LinkToken.parse(token).orElseThrow(), first, first),
                () -> recoveries.submitNewPassword(LinkToken.parse(token).orElseThrow(), second, second)));

        assertThat(answers).filteredOn(PasswordChanged.class::isInstance).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.equals(new LinkExpired(true))).hasSize(1);
        String stored = answers.get(0) instanceof PasswordChanged ? first : second;
        SignInService signIn = node.getBean(SignInService.class);
        assertThat(signIn.signIn(ANDINA, stored)).isTrue();
        assertThat(signIn.signIn(ANDINA, stored.equals(first) ? second : first)).isFalse();
        assertThat(recoveries.status(new RecoveryId(recoveryId)).orElseThrow().status()).isEqualTo(RecoveryStatus.COMPLETED);
    }

    @Test
    void aCodeRacingItsWindowsTimerHasOneOutcomeEveryTime() throws Exception {
        ManagementService management = node.getBean(ManagementService.class);
        JdbcClient jdbc = node.getBean(JdbcClient.class);
        for (int round = 0; round < 4; round++) {
            int before = mailbox.to(MAIL).size();
            String recoveryId = start();
            awaitMails(before + 1);
            String code = mailbox.codeSentTo(MAIL);
            String processInstanceId = jdbc.sql("SELECT process_instance_id FROM recovery WHERE id = ?").param(recoveryId).query(String.class).single();
            Job timer = management.createJobQuery().processInstanceId(processInstanceId).activityId("BoundaryTimer_OtpWindow").singleResult();

            List<Object> outcome = AllAtOnce.outcomes(List.<Callable<Object>>of(
                    () -> recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(code).orElseThrow()),
                    () -> {
                        management.executeJob(timer.getId());
                        return "timer fired";
                    }));

            RecoveryStatus status = recoveries.status(new RecoveryId(recoveryId)).orElseThrow().status();
            if (outcome.get(0) instanceof CodeAccepted) {
                assertThat(outcome.get(1)).as("round %d: the code closed the window first", round).isInstanceOf(ProcessEngineException.class);
                assertThat(status).isEqualTo(RecoveryStatus.AWAITING_NEW_PASSWORD);
                assertThat(management.createJobQuery().processInstanceId(processInstanceId).activityId("BoundaryTimer_LinkWindow").count()).isEqualTo(1);
                awaitMails(before + 2);
            } else {
                assertThat(outcome.get(0)).as("round %d", round).isInstanceOf(CodeExpired.class);
                assertThat(outcome.get(1)).isEqualTo("timer fired");
                assertThat(status).isEqualTo(RecoveryStatus.OTP_EXPIRED);
            }
        }
    }

    @Test
    void eightEmployersRecoveringAtOnceSeeNo5xxLoseNoMailAndEveryRecoveryCompletes() throws Exception {
        var crowd = RecoveryLoad.seed(node.getBean(JdbcClient.class), 8, DemoData.OLD_CLAVE_HASH);
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();

        Report report = new RecoveryLoad("http://localhost:" + port, smtp, MAIL_WAIT).run(crowd, 2);

        log.info("Small crowd on PostgreSQL:\n{}", report.table());
        assertThat(report.serverErrors()).as(report.table()).isZero();
        assertThat(report.failedCalls()).as(report.table()).isZero();
        assertThat(report.lostMails()).as(report.table()).isZero();
        assertThat(report.completed()).as(report.table()).isEqualTo(16);
    }

    private String start() {
        return ((AwaitingOtp) recoveries.start(ANDINA, DemoEmployers.ANDINA.representative())).recoveryId();
    }

    private void awaitMails(int count) {
        await().atMost(MAIL_WAIT).until(() -> mailbox.to(MAIL).size() >= count);
    }
}
