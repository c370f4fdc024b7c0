package ec.gob.iess.claveempleador.recovery.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;

import ec.gob.iess.claveempleador.recovery.LinkToken;
import ec.gob.iess.claveempleador.recovery.OtpCode;
import ec.gob.iess.claveempleador.recovery.RecoveryId;
import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.LinkExpired;
import ec.gob.iess.claveempleador.recovery.RecoveryStatus;
import ec.gob.iess.claveempleador.support.DemoData;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * A clave that reaches the process after the link window closed, before its timer fired (the API checked the expiry a
 * moment earlier, or the job executor runs the timer late): storing it refuses with the BPMN error, and the recovery
 * ends as an expired link through {@code BoundaryError_LinkExpired}, the old clave untouched.
 */
class LateClaveProcessTest extends RecoveryProcessTestBase {

    private static final String ANDINA_MAIL = DemoEmployers.ANDINA.email();

    @Test
    void aClaveThatArrivesAfterTheLinkWindowEndsTheRecoveryAsLinkExpired() {
        String recoveryId = startOnline(DemoEmployers.ANDINA);
        recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(mailedCode(recoveryId, ANDINA_MAIL)).orElseThrow());
        String token = mailedToken(recoveryId, ANDINA_MAIL);
        assertThat(instance(recoveryId)).isWaitingAt("ReceiveTask_AwaitNewPassword");

        advanceClock(Duration.ofMinutes(3).plusSeconds(1));
        runtime.createMessageCorrelation(RecoveryProcess.MESSAGE_NEW_PASSWORD_SUBMITTED)
                .processInstanceId(processInstanceId(recoveryId))
                .setVariable(RecoveryProcess.NEW_PASSWORD_HASH, Variables.stringValue(signIn.hash(NEW_CLAVE), true))
                .correlateWithResult();

        assertThat(instance(recoveryId))
                .hasPassed("ServiceTask_StorePassword", "BoundaryError_LinkExpired", "Gateway_LinkExpiredMerge", "EndEvent_LinkExpired")
                .hasNotPassed("BoundaryTimer_LinkWindow", "ServiceTask_SendConfirmationMail", "EndEvent_PasswordReset")
                .isEnded();
        assertThat(recoveries.status(new RecoveryId(recoveryId)).orElseThrow().status()).isEqualTo(RecoveryStatus.LINK_EXPIRED);
        assertThat(recoveries.submitNewPassword(LinkToken.parse(token).orElseThrow(), NEW_CLAVE, NEW_CLAVE)).isEqualTo(new LinkExpired(false));
        assertThat(signIn.signIn(DemoEmployers.ANDINA.key(), NEW_CLAVE)).isFalse();
        assertThat(signIn.signIn(DemoEmployers.ANDINA.key(), DemoData.OLD_CLAVE)).isTrue();
    }
}
