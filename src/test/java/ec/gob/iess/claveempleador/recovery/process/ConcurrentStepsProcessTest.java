package ec.gob.iess.claveempleador.recovery.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.util.List;
import java.util.concurrent.Callable;

import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.recovery.LinkToken;
import ec.gob.iess.claveempleador.recovery.OtpCode;
import ec.gob.iess.claveempleador.recovery.RecoveryId;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeAccepted;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeAlreadyUsed;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeExpired;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeResult;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.LinkExpired;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordChanged;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordResult;
import ec.gob.iess.claveempleador.recovery.RecoveryStatus;
import ec.gob.iess.claveempleador.support.AllAtOnce;
import ec.gob.iess.claveempleador.support.DemoData;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

/**
 * Steps of one recovery that arrive at the same moment, on the embedded H2 database: each is decided on the
 * recovery's locked row, so exactly one of them wins and the others are told what happened.
 */
class ConcurrentStepsProcessTest extends RecoveryProcessTestBase {

    private static final String ANDINA_MAIL = DemoEmployers.ANDINA.email();
    private static final EmployerKey ANDINA = DemoEmployers.ANDINA.key();
    private static final int CLIENTS = 8;

    @Test
    void theRightCodeFromEightClientsAtOnceIsAcceptedOnceAndTheOthersAreToldItWasUsed() throws Exception {
        String recoveryId = startOnline(DemoEmployers.ANDINA);
        String code = mailedCode(recoveryId, ANDINA_MAIL);

        List<CodeResult> answers = AllAtOnce.times(CLIENTS, () -> recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(code).orElseThrow()));

        assertThat(answers).filteredOn(CodeAccepted.class::isInstance).hasSize(1);
        assertThat(answers).filteredOn(CodeAlreadyUsed.class::isInstance).hasSize(CLIENTS - 1);
        assertThat(instance(recoveryId)).hasPassed("EndEvent_OtpAccepted").isWaitingAt("ReceiveTask_AwaitNewPassword");
        assertThat(management.createJobQuery().processInstanceId(processInstanceId(recoveryId)).activityId("ServiceTask_SendLinkMail").count())
                .as("one link mail job").isEqualTo(1);
        mailedToken(recoveryId, ANDINA_MAIL);
        assertThat(mailbox.to(ANDINA_MAIL)).as("the code mail and one link mail").hasSize(2);
    }

    @Test
    void twoClavesAtOnceOnOneLinkCompleteOnceAndTheClaveAnsweredCompletedIsTheStoredOne() throws Exception {
        String recoveryId = startOnline(DemoEmployers.ANDINA);
        recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(mailedCode(recoveryId, ANDINA_MAIL)).orElseThrow());
        String token = mailedToken(recoveryId, ANDINA_MAIL);
        String first = "tortuga violeta cruza el puente del Guayas";
        String second = "colibri naranja duerme bajo el volcan Cotopaxi";

        List<PasswordResult> answers = AllAtOnce.all(List.<Callable<PasswordResult>>of(
                () -> recoveries.submitNewPassword(LinkToken.parse(token).orElseThrow(), first, first),
                () -> recoveries.submitNewPassword(LinkToken.parse(token).orElseThrow(), second, second)));

        assertThat(answers).filteredOn(PasswordChanged.class::isInstance).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.equals(new LinkExpired(true))).hasSize(1);
        String stored = answers.get(0) instanceof PasswordChanged ? first : second;
        String refused = stored.equals(first) ? second : first;
        assertThat(signIn.signIn(ANDINA, stored)).isTrue();
        assertThat(signIn.signIn(ANDINA, refused)).isFalse();
        assertThat(signIn.signIn(ANDINA, DemoData.OLD_CLAVE)).isFalse();
        assertThat(recoveries.status(new RecoveryId(recoveryId)).orElseThrow().status()).isEqualTo(RecoveryStatus.COMPLETED);
    }

    @Test
    void aCodeOrAClaveForAProcessThatVanishedIsAnsweredAsEndedNotAsAnError() {
        String waitingForCode = startOnline(DemoEmployers.ANDINA);
        String code = mailedCode(waitingForCode, ANDINA_MAIL);
        runtime.deleteProcessInstance(processInstanceId(waitingForCode), "cancelled by an operator", true, true);
        assertThat(recoveries.submitCode(new RecoveryId(waitingForCode), OtpCode.parse(code).orElseThrow())).isInstanceOf(CodeExpired.class);

        String waitingForClave = startOnline(DemoEmployers.ANDINA_GUAYAQUIL);
        recoveries.submitCode(new RecoveryId(waitingForClave), OtpCode.parse(mailedCode(waitingForClave, DemoEmployers.ANDINA_GUAYAQUIL.email())).orElseThrow());
        String token = mailedToken(waitingForClave, DemoEmployers.ANDINA_GUAYAQUIL.email());
        runtime.deleteProcessInstance(processInstanceId(waitingForClave), "cancelled by an operator", true, true);
        assertThat(recoveries.submitNewPassword(LinkToken.parse(token).orElseThrow(), NEW_CLAVE, NEW_CLAVE)).isEqualTo(new LinkExpired(false));
        assertThat(signIn.signIn(DemoEmployers.ANDINA_GUAYAQUIL.key(), DemoData.OLD_CLAVE)).isTrue();
    }

    @Test
    void aCodeRacingItsWindowsTimerHasOneOutcomeEveryTime() throws Exception {
        for (int round = 0; round < 6; round++) {
            DemoData.reset(runtime, jdbc);
            String recoveryId = startOnline(DemoEmployers.ANDINA);
            String code = mailedCode(recoveryId, ANDINA_MAIL);
            Job timer = job("BoundaryTimer_OtpWindow", instance(recoveryId));

            // The timer fires while the stored expiry is still ahead: the job executor runs timers on their due date,
            // and the code can arrive in the same instant.
            List<Object> outcome = AllAtOnce.outcomes(List.<Callable<Object>>of(
                    () -> recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(code).orElseThrow()),
                    () -> {
                        management.executeJob(timer.getId());
                        return "timer fired";
                    }));

            Object answer = outcome.get(0);
            assertThat(answer).as("round %d", round).isInstanceOfAny(CodeAccepted.class, CodeExpired.class);
            if (answer instanceof CodeAccepted) {
                assertThat(outcome.get(1)).as("the code closed the window before the timer could").isInstanceOf(ProcessEngineException.class);
                assertThat(recoveries.status(new RecoveryId(recoveryId)).orElseThrow().status()).isEqualTo(RecoveryStatus.AWAITING_NEW_PASSWORD);
                assertThat(instance(recoveryId)).hasNotPassed("EndEvent_OtpExpired").isWaitingAt("ReceiveTask_AwaitNewPassword");
            } else {
                assertThat(outcome.get(1)).isEqualTo("timer fired");
                assertThat(recoveries.status(new RecoveryId(recoveryId)).orElseThrow().status()).isEqualTo(RecoveryStatus.OTP_EXPIRED);
                assertThat(instance(recoveryId)).hasPassed("EndEvent_OtpExpired").hasNotPassed("ServiceTask_IssueLink").isEnded();
            }
        }
    }
}
