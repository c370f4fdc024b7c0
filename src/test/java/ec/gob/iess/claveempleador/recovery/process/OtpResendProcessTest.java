package ec.gob.iess.claveempleador.recovery.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import ec.gob.iess.claveempleador.recovery.MailDelivery;
import ec.gob.iess.claveempleador.recovery.OtpCode;
import ec.gob.iess.claveempleador.recovery.RecoveryId;
import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeAccepted;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeInvalid;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeNotAwaited;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeResent;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.RecoveryNotFound;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.ResendTooSoon;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.ResendsUsedUp;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.RecoveryView;
import ec.gob.iess.claveempleador.recovery.RecoveryStatus;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

/**
 * "Enviar un código nuevo" in the same recovery (defaults: after 60 s, at most 3 times): the new code replaces
 * the old one at once, with a window and a wrong-code count of its own.
 */
class OtpResendProcessTest extends RecoveryProcessTestBase {

    private static final String ANDINA_MAIL = DemoEmployers.ANDINA.email();
    private static final Duration COOLDOWN = Duration.ofSeconds(60);
    private static final Duration WINDOW = Duration.ofMinutes(3);

    @Test
    void aNewCodeWorksAndTheOldOneStopsWorkingAtOnce() {
        String recoveryId = startOnline(DemoEmployers.ANDINA);
        String oldCode = mailedCode(recoveryId, ANDINA_MAIL);

        advanceClock(COOLDOWN);
        Instant now = clockNow();
        assertThat(recoveries.resendCode(id(recoveryId))).isEqualTo(new CodeResent(now.plus(WINDOW), now.plus(COOLDOWN), 2));
        assertThat(instance(recoveryId)).hasPassed("BoundaryMessage_OtpResend", "Gateway_OtpResendsLeft")
                .isWaitingAt("ReceiveTask_AwaitOtp", "ServiceTask_SendOtpMail");
        assertThat(view(recoveryId).mailDelivery()).as("the new code's mail, like the first").isEqualTo(MailDelivery.PENDING);
        String newCode = mailedCode(recoveryId, ANDINA_MAIL);
        assertThat(view(recoveryId).mailDelivery()).isEqualTo(MailDelivery.SENT);
        assertThat(mailbox.to(ANDINA_MAIL)).hasSize(2);

        assertThat(recoveries.submitCode(id(recoveryId), code(oldCode))).as("the old code").isEqualTo(new CodeInvalid(2));
        assertThat(recoveries.submitCode(id(recoveryId), code(newCode))).isInstanceOf(CodeAccepted.class);
        assertThat(instance(recoveryId)).isWaitingAt("ReceiveTask_AwaitNewPassword", "ServiceTask_SendLinkMail");
    }

    @Test
    void aNewCodeBeforeTheCooldownIsRefusedAndTheCurrentCodeKeepsWorking() {
        String recoveryId = startOnline(DemoEmployers.ANDINA);
        Instant issuedAt = clockNow();
        String code = mailedCode(recoveryId, ANDINA_MAIL);

        advanceClock(COOLDOWN.minusSeconds(1));
        assertThat(recoveries.resendCode(id(recoveryId))).isEqualTo(new ResendTooSoon(issuedAt.plus(COOLDOWN), Duration.ofSeconds(1)));

        assertThat(instance(recoveryId)).hasNotPassed("BoundaryMessage_OtpResend");
        assertThat(mailbox.to(ANDINA_MAIL)).hasSize(1);
        assertThat(recoveries.submitCode(id(recoveryId), code(code))).isInstanceOf(CodeAccepted.class);
    }

    @Test
    void theNewCodeGetsAFullWindowAndTheOldWindowsTimerCannotEndIt() {
        String recoveryId = startOnline(DemoEmployers.ANDINA);
        Instant oldExpiry = view(recoveryId).expiresAt();
        mailedCode(recoveryId, ANDINA_MAIL);

        advanceClock(Duration.ofMinutes(2));
        Instant newExpiry = clockNow().plus(WINDOW);
        recoveries.resendCode(id(recoveryId));
        String newCode = mailedCode(recoveryId, ANDINA_MAIL);
        assertThat(view(recoveryId).expiresAt()).isEqualTo(newExpiry);

        advanceClock(Duration.between(clockNow(), oldExpiry).plusSeconds(30));
        assertThat(management.createJobQuery().processInstanceId(processInstanceId(recoveryId)).timers().list())
                .as("one window, the new one").singleElement()
                .extracting(Job::getDuedate).isEqualTo(Date.from(newExpiry));
        assertThat(management.createJobQuery().processInstanceId(processInstanceId(recoveryId)).timers()
                .duedateLowerThan(Date.from(clockNow())).count()).as("nothing due at the old expiry").isZero();
        assertThat(recoveries.submitCode(id(recoveryId), code(newCode))).isInstanceOf(CodeAccepted.class);
    }

    @Test
    void theNewWindowEndsByItsOwnTimer() {
        String recoveryId = startOnline(DemoEmployers.ANDINA);
        advanceClock(Duration.ofMinutes(2));
        recoveries.resendCode(id(recoveryId));

        advanceClock(WINDOW);
        execute(job("BoundaryTimer_OtpWindow", instance(recoveryId)));

        assertThat(instance(recoveryId)).hasPassed("EndEvent_OtpExpired").isEnded();
        assertThat(view(recoveryId).status()).isEqualTo(RecoveryStatus.OTP_EXPIRED);
    }

    @Test
    void theWrongCodeCountStartsAgainWithTheNewCode() {
        String recoveryId = startOnline(DemoEmployers.ANDINA);
        String oldCode = mailedCode(recoveryId, ANDINA_MAIL);
        recoveries.submitCode(id(recoveryId), code(wrong(oldCode)));
        assertThat(recoveries.submitCode(id(recoveryId), code(wrong(oldCode)))).isEqualTo(new CodeInvalid(1));

        advanceClock(COOLDOWN);
        recoveries.resendCode(id(recoveryId));
        String newCode = mailedCode(recoveryId, ANDINA_MAIL);

        assertThat(view(recoveryId).attemptsLeft()).isEqualTo(3);
        assertThat(recoveries.submitCode(id(recoveryId), code(wrong(newCode)))).isEqualTo(new CodeInvalid(2));
        assertThat(recoveries.submitCode(id(recoveryId), code(wrong(newCode)))).isEqualTo(new CodeInvalid(1));
        assertThat(recoveries.submitCode(id(recoveryId), code(newCode))).isInstanceOf(CodeAccepted.class);
    }

    @Test
    void newCodesStopAtTheLimitAndTheLastCodeStillWorks() {
        String recoveryId = startOnline(DemoEmployers.ANDINA);
        for (int left = 2; left >= 0; left--) {
            advanceClock(COOLDOWN);
            assertThat(recoveries.resendCode(id(recoveryId))).isInstanceOf(CodeResent.class)
                    .extracting(result -> ((CodeResent) result).resendsLeft()).isEqualTo(left);
        }
        String lastCode = mailedCode(recoveryId, ANDINA_MAIL);

        advanceClock(COOLDOWN);
        assertThat(recoveries.resendCode(id(recoveryId))).isEqualTo(new ResendsUsedUp(view(recoveryId).expiresAt(), 3));
        assertThat(instance(recoveryId)).isWaitingAt("ReceiveTask_AwaitOtp");
        assertThat(recoveries.submitCode(id(recoveryId), code(lastCode))).isInstanceOf(CodeAccepted.class);
    }

    @Test
    void theModelEndsTheRecoveryWhenANewCodeBeyondTheLimitReachesIt() {
        String recoveryId = startOnline(DemoEmployers.ANDINA);
        jdbc.sql("UPDATE recovery SET otp_resends = 3 WHERE id = ?").param(recoveryId).update();

        // An operator correlating the message by hand: the use case would have refused it.
        runtime.createMessageCorrelation(RecoveryProcess.MESSAGE_OTP_RESEND_REQUESTED)
                .processInstanceId(processInstanceId(recoveryId)).correlate();

        assertThat(instance(recoveryId)).hasPassed("Gateway_OtpResendsLeft", "EndEvent_OtpResendsExhausted").isEnded();
        assertThat(view(recoveryId).status()).isEqualTo(RecoveryStatus.OTP_LOCKED);
    }

    @Test
    void aRecoveryThatWaitsForNoCodeGetsNoNewOne() {
        String accepted = startOnline(DemoEmployers.ANDINA);
        recoveries.submitCode(id(accepted), code(mailedCode(accepted, ANDINA_MAIL)));
        advanceClock(COOLDOWN);
        assertThat(recoveries.resendCode(id(accepted))).isEqualTo(new CodeNotAwaited(RecoveryStatus.AWAITING_NEW_PASSWORD));

        String replaced = startOnline(DemoEmployers.MARIA_PEREZ);
        advanceClock(COOLDOWN);
        startOnline(DemoEmployers.MARIA_PEREZ);
        assertThat(recoveries.resendCode(id(replaced))).isEqualTo(new CodeNotAwaited(RecoveryStatus.SUPERSEDED));

        String expired = startOnline(DemoEmployers.CEVALLOS);
        advanceClock(WINDOW);
        assertThat(recoveries.resendCode(id(expired))).as("expired to the second, before its timer ran")
                .isEqualTo(new CodeNotAwaited(RecoveryStatus.OTP_EXPIRED));

        assertThat(recoveries.resendCode(new RecoveryId("6f1c2a7e-0000-4000-8000-000000000000"))).isEqualTo(new RecoveryNotFound());
    }

    private Instant clockNow() {
        return ClockUtil.now().toInstant();
    }

    private RecoveryView view(String recoveryId) {
        return recoveries.status(id(recoveryId)).orElseThrow();
    }

    private static RecoveryId id(String recoveryId) {
        return new RecoveryId(recoveryId);
    }

    private static OtpCode code(String digits) {
        return OtpCode.parse(digits).orElseThrow();
    }

    private static String wrong(String code) {
        String zeros = "0".repeat(OtpCode.LENGTH);
        return code.equals(zeros) ? "1".repeat(OtpCode.LENGTH) : zeros;
    }
}
