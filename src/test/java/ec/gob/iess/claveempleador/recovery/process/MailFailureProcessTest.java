package ec.gob.iess.claveempleador.recovery.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;

import ec.gob.iess.claveempleador.recovery.LinkToken;
import ec.gob.iess.claveempleador.recovery.MailDelivery;
import ec.gob.iess.claveempleador.recovery.OtpCode;
import ec.gob.iess.claveempleador.recovery.RecoveryId;
import ec.gob.iess.claveempleador.recovery.RecoveryProperties;
import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.AssistedPending;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeAccepted;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordChanged;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.RecoveryView;
import ec.gob.iess.claveempleador.recovery.RecoveryStatus;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import ec.gob.iess.claveempleador.support.TestMailbox;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A mail server that is down: the code and link mails are tried again every 15 s across their 3-minute
 * windows, go out by themselves when the server comes back, and otherwise end as an incident with the
 * employer told the truth (RETRYING, then FAILED).
 */
class MailFailureProcessTest extends RecoveryProcessTestBase {

    private static final String ANDINA_MAIL = DemoEmployers.ANDINA.email();
    private static final Duration INTERVAL = Duration.ofSeconds(15);
    private static final int TRIES = 11;

    @Autowired
    JavaMailSenderImpl mailSender;
    @Autowired
    RecoveryProperties windows;
    // What the nodes of a deployment run with (this test context runs no job executor of its own).
    @Value("${camunda.bpm.job-execution.lock-time-in-millis}")
    long lockMillis;
    @Value("${spring.mail.properties.mail.smtp.connectiontimeout}")
    long connectTimeoutMillis;
    @Value("${spring.mail.properties.mail.smtp.timeout}")
    long readTimeoutMillis;

    private int workingPort;

    @AfterEach
    void bringTheMailServerBack() {
        if (workingPort != 0) {
            mailSender.setPort(workingPort);
        }
    }

    @Test
    void aCodeMailThatKeepsFailingIsRetriedAcrossTheWindowThenBecomesAnIncidentAndTheEmployerIsTold() {
        String recoveryId = startOnline(DemoEmployers.ANDINA);
        Instant expiresAt = recoveries.status(new RecoveryId(recoveryId)).orElseThrow().expiresAt();
        assertThat(delivery(recoveryId)).isEqualTo(MailDelivery.PENDING);
        Job mailJob = job("ServiceTask_SendOtpMail", instance(recoveryId));

        takeTheMailServerDown();
        for (int attempt = 1; attempt < TRIES; attempt++) {
            failOnce(mailJob);
            assertThat(delivery(recoveryId)).as("after try %d", attempt).isEqualTo(MailDelivery.RETRYING);
            Job retried = reload(mailJob);
            assertThat(retried.getRetries()).isEqualTo(TRIES - attempt);
            assertThat(retried.getDuedate().toInstant()).isEqualTo(ClockUtil.now().toInstant().plus(INTERVAL)).isBefore(expiresAt);
            advanceClock(INTERVAL);
            assertThat(management.createJobQuery().jobId(mailJob.getId()).executable().count()).as("due again").isOne();
        }
        failOnce(mailJob);

        assertThat(ClockUtil.now().toInstant()).as("the last try leaves time to ask again").isBefore(expiresAt.minus(INTERVAL));
        assertThat(reload(mailJob).getRetries()).isZero();
        Incident incident = runtime.createIncidentQuery().processInstanceId(processInstanceId(recoveryId)).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("ServiceTask_SendOtpMail");
        assertThat(incident.getIncidentType()).isEqualTo("failedJob");
        assertThat(delivery(recoveryId)).isEqualTo(MailDelivery.FAILED);
        assertThat(recoveries.status(new RecoveryId(recoveryId)).orElseThrow().status()).isEqualTo(RecoveryStatus.AWAITING_OTP);
        assertThat(mailbox.count()).isZero();
        assertThat(instance(recoveryId)).isWaitingAt("ReceiveTask_AwaitOtp", "ServiceTask_SendOtpMail");

        // An operator fixes the server and retries the job (Cockpit's "retry"): the same code goes out.
        mailSender.setPort(workingPort);
        management.setJobRetries(mailJob.getId(), 1);
        management.executeJob(mailJob.getId());

        assertThat(runtime.createIncidentQuery().processInstanceId(processInstanceId(recoveryId)).count()).isZero();
        assertThat(delivery(recoveryId)).isEqualTo(MailDelivery.SENT);
        assertThat(recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(mailbox.codeSentTo(ANDINA_MAIL)).orElseThrow())).isInstanceOf(CodeAccepted.class);
    }

    @Test
    void triesThatRunLateGiveUpWhileTheEmployerStillHasTimeToAskAgain() {
        String recoveryId = startOnline(DemoEmployers.ANDINA);
        Instant expiresAt = recoveries.status(new RecoveryId(recoveryId)).orElseThrow().expiresAt();
        Job mailJob = job("ServiceTask_SendOtpMail", instance(recoveryId));
        takeTheMailServerDown();

        int tries = 0;
        Instant lastTry;
        do {
            lastTry = ClockUtil.now().toInstant();
            failOnce(mailJob);
            tries++;
            // A busy job executor or a hanging mail server: every try runs 5 s after it was due.
            advanceClock(INTERVAL.plusSeconds(5));
        } while (reload(mailJob).getRetries() > 0);

        assertThat(tries).isLessThan(TRIES);
        assertThat(lastTry).isBeforeOrEqualTo(expiresAt.minus(INTERVAL.multipliedBy(2)));
        assertThat(delivery(recoveryId)).isEqualTo(MailDelivery.FAILED);
        assertThat(runtime.createIncidentQuery().processInstanceId(processInstanceId(recoveryId)).singleResult().getActivityId())
                .isEqualTo("ServiceTask_SendOtpMail");
    }

    @Test
    void aMailServerThatComesBackWithinTheWindowGetsTheCodeOutByItself() {
        String recoveryId = startOnline(DemoEmployers.ANDINA);
        Job mailJob = job("ServiceTask_SendOtpMail", instance(recoveryId));
        takeTheMailServerDown();
        for (int attempt = 1; attempt <= 4; attempt++) {
            failOnce(mailJob);
            advanceClock(INTERVAL);
        }

        mailSender.setPort(workingPort);
        Job due = management.createJobQuery().jobId(mailJob.getId()).executable().singleResult();
        management.executeJob(due.getId());

        assertThat(delivery(recoveryId)).isEqualTo(MailDelivery.SENT);
        assertThat(runtime.createIncidentQuery().processInstanceId(processInstanceId(recoveryId)).count()).isZero();
        assertThat(recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(mailbox.codeSentTo(ANDINA_MAIL)).orElseThrow())).isInstanceOf(CodeAccepted.class);
    }

    @Test
    void anAssistedLinkThatCannotBeSentEndsAsAnIncidentAndTheCaseIsToldToContactTheCentre() {
        AssistedPending pending = (AssistedPending) start(DemoEmployers.PESQUERA);
        complete(task(instance(pending.recoveryId())), withVariables(RecoveryProcess.DECISION, RecoveryProcess.DECISION_APPROVE,
                RecoveryProcess.IDENTITY_VERIFIED, true, RecoveryProcess.DOCUMENTS_CHECKED, true, RecoveryProcess.VERIFIED_EMAIL, ""));
        Job linkJob = job("ServiceTask_SendLinkMail", instance(pending.recoveryId()));
        assertThat(delivery(pending.recoveryId())).isEqualTo(MailDelivery.PENDING);

        takeTheMailServerDown();
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            failOnce(linkJob);
            advanceClock(INTERVAL);
        }

        RecoveryView view = recoveries.status(new RecoveryId(pending.recoveryId())).orElseThrow();
        assertThat(view.status()).isEqualTo(RecoveryStatus.AWAITING_NEW_PASSWORD);
        assertThat(view.mailDelivery()).isEqualTo(MailDelivery.FAILED);
        assertThat(view.assisted()).isTrue();
        assertThat(runtime.createIncidentQuery().processInstanceId(processInstanceId(pending.recoveryId())).singleResult().getActivityId())
                .isEqualTo("ServiceTask_SendLinkMail");
    }

    @Test
    void anOnlineLinkMailIsRetriedTooAndTheEmployerSeesItGoOut() {
        String recoveryId = startOnline(DemoEmployers.ANDINA);
        assertThat(recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(mailedCode(recoveryId, ANDINA_MAIL)).orElseThrow())).isInstanceOf(CodeAccepted.class);
        Job linkJob = job("ServiceTask_SendLinkMail", instance(recoveryId));

        takeTheMailServerDown();
        failOnce(linkJob);
        assertThat(delivery(recoveryId)).isEqualTo(MailDelivery.RETRYING);
        assertThat(reload(linkJob).getRetries()).isEqualTo(TRIES - 1);

        mailSender.setPort(workingPort);
        advanceClock(INTERVAL);
        String token = mailedToken(recoveryId, ANDINA_MAIL);
        assertThat(delivery(recoveryId)).isEqualTo(MailDelivery.SENT);
        assertThat(recoveries.submitNewPassword(LinkToken.parse(token).orElseThrow(), NEW_CLAVE, NEW_CLAVE)).isInstanceOf(PasswordChanged.class);
    }

    @Test
    void theConfirmationHasNoWindowAndBacksOffFromThirtySecondsOverHours() {
        String recoveryId = startOnline(DemoEmployers.ANDINA);
        assertThat(recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(mailedCode(recoveryId, ANDINA_MAIL)).orElseThrow())).isInstanceOf(CodeAccepted.class);
        assertThat(recoveries.submitNewPassword(LinkToken.parse(mailedToken(recoveryId, ANDINA_MAIL)).orElseThrow(), NEW_CLAVE, NEW_CLAVE)).isInstanceOf(PasswordChanged.class);
        Job confirmation = job("ServiceTask_SendConfirmationMail", instance(recoveryId));

        takeTheMailServerDown();
        failOnce(confirmation);
        assertThat(reload(confirmation).getRetries()).isEqualTo(9);
        assertThat(reload(confirmation).getDuedate().toInstant()).isEqualTo(ClockUtil.now().toInstant().plusSeconds(30));
        for (String interval : new String[] {"PT30S", "PT1M", "PT2M", "PT5M", "PT10M", "PT30M", "PT1H", "PT2H"}) {
            advanceClock(Duration.parse(interval));
            failOnce(confirmation);
        }
        assertThat(reload(confirmation).getDuedate().toInstant()).isEqualTo(ClockUtil.now().toInstant().plus(Duration.ofHours(4)));

        mailSender.setPort(workingPort);
        advanceClock(Duration.ofHours(4));
        management.executeJob(confirmation.getId());
        assertThat(instance(recoveryId)).isEnded().hasPassed("EndEvent_PasswordReset");
        assertThat(mailbox.to(ANDINA_MAIL).stream().map(TestMailbox::subject)).contains("Su clave de empleador fue cambiada");
    }

    @Test
    void aJobOfANodeThatDiedIsTakenOverWellInsideTheWindowButNotDuringAHungSend() {
        assertThat(Duration.ofMillis(lockMillis)).isLessThanOrEqualTo(windows.otpWindow().dividedBy(6))
                .isLessThanOrEqualTo(windows.linkWindow().dividedBy(6));
        assertThat(lockMillis).isGreaterThan(2 * (connectTimeoutMillis + readTimeoutMillis));
    }

    private void failOnce(Job mailJob) {
        assertThatThrownBy(() -> management.executeJob(mailJob.getId())).hasMessageContaining("Mail server connection failed");
    }

    private Job reload(Job job) {
        return management.createJobQuery().jobId(job.getId()).singleResult();
    }

    private MailDelivery delivery(String recoveryId) {
        return recoveries.status(new RecoveryId(recoveryId)).orElseThrow().mailDelivery();
    }

    private void takeTheMailServerDown() {
        workingPort = mailSender.getPort();
        // Nothing listens on port 1: the same failure as an SMTP server that is down.
        mailSender.setPort(1);
    }
}
