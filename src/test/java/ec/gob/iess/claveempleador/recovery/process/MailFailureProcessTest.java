package ec.gob.iess.claveempleador.recovery.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeAccepted;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class MailFailureProcessTest extends RecoveryProcessTestBase {

    private static final String ANDINA_MAIL = "talento.humano@comercial-andina.example";

    @Autowired
    JavaMailSenderImpl mailSender;

    private int workingPort;

    @AfterEach
    void bringTheMailServerBack() {
        if (workingPort != 0) {
            mailSender.setPort(workingPort);
        }
    }

    @Test
    void anUnreachableMailServerMakesTheMailJobRetryThenAnIncidentAndNothingIsLost() {
        String recoveryId = startOnline("1790012344001", "0001", "1712345675");
        Job mailJob = job("ServiceTask_SendOtpMail", instance(recoveryId));
        assertThat(mailJob.getRetries()).isEqualTo(3);

        takeTheMailServerDown();
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> management.executeJob(mailJob.getId())).hasMessageContaining("Mail server connection failed");
        }

        Job failed = management.createJobQuery().jobId(mailJob.getId()).singleResult();
        assertThat(failed.getRetries()).isZero();
        assertThat(failed.getExceptionMessage()).contains("Mail server connection failed");
        Incident incident = runtime.createIncidentQuery().processInstanceId(processInstanceId(recoveryId)).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("ServiceTask_SendOtpMail");
        assertThat(incident.getIncidentType()).isEqualTo("failedJob");
        assertThat(mailbox.count()).isZero();
        assertThat(instance(recoveryId)).isWaitingAt("ReceiveTask_AwaitOtp", "ServiceTask_SendOtpMail");

        // An operator fixes the server and retries the job (Cockpit's "retry"): the same code goes out.
        mailSender.setPort(workingPort);
        management.setJobRetries(mailJob.getId(), 1);
        management.executeJob(mailJob.getId());

        assertThat(runtime.createIncidentQuery().processInstanceId(processInstanceId(recoveryId)).count()).isZero();
        String code = mailbox.codeSentTo(ANDINA_MAIL);
        assertThat(recoveries.submitCode(recoveryId, code)).isInstanceOf(CodeAccepted.class);
    }

    @Test
    void theRetryCycleOfEveryMailTaskIsThreeTriesTenSecondsApart() {
        String recoveryId = startOnline("1790012344001", "0001", "1712345675");
        Job mailJob = job("ServiceTask_SendOtpMail", instance(recoveryId));
        takeTheMailServerDown();
        java.util.Date before = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime();

        assertThatThrownBy(() -> management.executeJob(mailJob.getId())).isNotNull();

        Job retried = management.createJobQuery().jobId(mailJob.getId()).singleResult();
        assertThat(retried.getRetries()).isEqualTo(2);
        assertThat(retried.getDuedate()).isEqualTo(new java.util.Date(before.getTime() + 10_000));
    }

    private void takeTheMailServerDown() {
        workingPort = mailSender.getPort();
        // Nothing listens on port 1: the same failure as an SMTP server that is down.
        mailSender.setPort(1);
    }
}
