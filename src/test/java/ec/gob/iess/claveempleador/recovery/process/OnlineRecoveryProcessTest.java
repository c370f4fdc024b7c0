package ec.gob.iess.claveempleador.recovery.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.recovery.LinkToken;
import ec.gob.iess.claveempleador.recovery.OtpCode;
import ec.gob.iess.claveempleador.recovery.RecoveryId;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeAccepted;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeExpired;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeInvalid;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeLocked;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.CodeSuperseded;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.DataMismatch;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.LinkExpired;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.LinkInvalid;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.LinkOpen;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordChanged;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordMismatch;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordRefused;
import ec.gob.iess.claveempleador.recovery.RecoveryStatus;
import ec.gob.iess.claveempleador.support.DemoData;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import ec.gob.iess.claveempleador.support.TestMailbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OnlineRecoveryProcessTest extends RecoveryProcessTestBase {

    private static final String ANDINA_MAIL = DemoEmployers.ANDINA.email();

    @Test
    void onlineRecoveryMailsCodeThenLinkThenConfirmationAndTheNewClaveWorks() {
        String recoveryId = startOnline(DemoEmployers.ANDINA);
        assertThat(instance(recoveryId)).isWaitingAt("ReceiveTask_AwaitOtp", "ServiceTask_SendOtpMail");
        assertThat(recoveries.status(new RecoveryId(recoveryId)).orElseThrow().maskedEmail()).isEqualTo("t***@comercial-andina.example");

        String code = mailedCode(recoveryId, ANDINA_MAIL);
        assertThat(TestMailbox.subject(mailbox.latestTo(ANDINA_MAIL))).startsWith("Código de verificación");
        assertThat(code).matches(OtpCode.PATTERN);

        assertThat(recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(code).orElseThrow())).isInstanceOf(CodeAccepted.class);
        assertThat(instance(recoveryId)).hasPassed("ServiceTask_VerifyOtp", "EndEvent_OtpAccepted", "ServiceTask_IssueLink")
                .isWaitingAt("ReceiveTask_AwaitNewPassword", "ServiceTask_SendLinkMail");

        String token = mailedToken(recoveryId, ANDINA_MAIL);
        assertThat(TestMailbox.subject(mailbox.latestTo(ANDINA_MAIL))).startsWith("Recuperación de clave");
        assertThat(mailbox.linkSentTo(ANDINA_MAIL)).startsWith("http://localhost:8080/recuperar-clave/nueva-clave?token=");
        assertThat(recoveries.checkLink(LinkToken.parse(token).orElseThrow())).isInstanceOf(LinkOpen.class);
        assertThat(recoveries.checkLink(LinkToken.parse(token).orElseThrow())).as("opening the link page twice does not spend it").isInstanceOf(LinkOpen.class);

        assertThat(recoveries.submitNewPassword(LinkToken.parse(token).orElseThrow(), NEW_CLAVE, NEW_CLAVE)).isInstanceOf(PasswordChanged.class);
        assertThat(instance(recoveryId)).hasPassed("ServiceTask_StorePassword").isWaitingAt("ServiceTask_SendConfirmationMail");
        execute(job("ServiceTask_SendConfirmationMail", instance(recoveryId)));

        assertThat(instance(recoveryId)).hasPassed("EndEvent_PasswordReset").isEnded();
        assertThat(TestMailbox.subject(mailbox.latestTo(ANDINA_MAIL))).isEqualTo("Su clave de empleador fue cambiada");
        assertThat(mailbox.to(ANDINA_MAIL)).hasSize(3);
        assertThat(recoveries.status(new RecoveryId(recoveryId)).orElseThrow().status()).isEqualTo(RecoveryStatus.COMPLETED);
        EmployerKey andina = DemoEmployers.ANDINA.key();
        assertThat(signIn.signIn(andina, NEW_CLAVE)).isTrue();
        assertThat(signIn.signIn(andina, DemoData.OLD_CLAVE)).isFalse();
    }

    @ParameterizedTest(name = "{4}")
    @CsvSource({
            "1792223334001, 0001, 1712345675, 1792223334001, RUC of another employer",
            "1790012344001, 0003, 1712345675, 1790012344001, sucursal that does not exist",
            "1790012344001, 0001, 1704567898, 1790012344001, cédula of someone else",
            "1790098763001, 0001, 1712345675, 1790098763001, employer not in the registry"
    })
    void dataThatDoesNotMatchIsRejectedTheSameWay(String ruc, String sucursal, String cedula, String rucAgain, String why) {
        assertThat(start(ruc, sucursal, cedula)).isEqualTo(new DataMismatch());

        String recoveryId = jdbc.sql("SELECT id FROM recovery WHERE ruc = ?").param(rucAgain).query(String.class).single();
        assertThat(instance(recoveryId)).hasPassed("ServiceTask_ValidateEmployer", "EndEvent_ValidationRejected")
                .hasNotPassed("SubProcess_OtpWindow", "UserTask_AssistedAttention").isEnded();
        assertThat(recoveries.status(new RecoveryId(recoveryId)).orElseThrow().status()).isEqualTo(RecoveryStatus.VALIDATION_REJECTED);
        assertThat(mailbox.count()).isZero();
    }

    @Test
    void domesticServiceEmployerRecoversOnlineWithCedulaAndThreeZeros() {
        String recoveryId = startOnline(DemoEmployers.CEVALLOS);
        String code = mailedCode(recoveryId, DemoEmployers.CEVALLOS.email());
        assertThat(recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(code).orElseThrow())).isInstanceOf(CodeAccepted.class);
        String token = mailedToken(recoveryId, DemoEmployers.CEVALLOS.email());
        assertThat(recoveries.submitNewPassword(LinkToken.parse(token).orElseThrow(), NEW_CLAVE, NEW_CLAVE)).isInstanceOf(PasswordChanged.class);
        execute(job("ServiceTask_SendConfirmationMail", instance(recoveryId)));

        assertThat(instance(recoveryId)).hasPassed("EndEvent_PasswordReset").isEnded();
        assertThat(signIn.signIn(DemoEmployers.CEVALLOS.key(), NEW_CLAVE)).isTrue();
    }

    @Test
    void codeWindowTimerEndsTheRecoveryAsCodeExpired() {
        String recoveryId = startOnline(DemoEmployers.ANDINA);
        String code = mailedCode(recoveryId, ANDINA_MAIL);

        advanceClock(Duration.ofMinutes(3));
        execute(job("BoundaryTimer_OtpWindow", instance(recoveryId)));

        assertThat(instance(recoveryId)).hasPassed("EndEvent_OtpExpired").hasNotPassed("ServiceTask_VerifyOtp").isEnded();
        assertThat(recoveries.status(new RecoveryId(recoveryId)).orElseThrow().status()).isEqualTo(RecoveryStatus.OTP_EXPIRED);
        assertThat(recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(code).orElseThrow())).isInstanceOf(CodeExpired.class);
    }

    @Test
    void aWrongCodeThenTheRightOneWithinTheWindowIsAccepted() {
        String recoveryId = startOnline(DemoEmployers.ANDINA);
        String code = mailedCode(recoveryId, ANDINA_MAIL);

        advanceClock(Duration.ofSeconds(40));
        assertThat(recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(wrong(code)).orElseThrow())).isEqualTo(new CodeInvalid(2));
        assertThat(instance(recoveryId)).isWaitingAt("ReceiveTask_AwaitOtp");
        advanceClock(Duration.ofSeconds(40));
        assertThat(recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(code).orElseThrow())).isInstanceOf(CodeAccepted.class);

        assertThat(instance(recoveryId)).hasPassed("EndEvent_OtpAccepted").isWaitingAt("ReceiveTask_AwaitNewPassword");
    }

    @Test
    void aWrongCodeDoesNotRestartTheWindow() {
        String recoveryId = startOnline(DemoEmployers.ANDINA);
        var expiresAt = recoveries.status(new RecoveryId(recoveryId)).orElseThrow().expiresAt();
        String code = mailedCode(recoveryId, ANDINA_MAIL);

        advanceClock(Duration.ofMinutes(2));
        recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(wrong(code)).orElseThrow());

        assertThat(recoveries.status(new RecoveryId(recoveryId)).orElseThrow().expiresAt()).isEqualTo(expiresAt);
        assertThat(job("BoundaryTimer_OtpWindow", instance(recoveryId)).getDuedate().toInstant()).isEqualTo(expiresAt);
    }

    @Test
    void threeWrongCodesLockTheRecovery() {
        String recoveryId = startOnline(DemoEmployers.ANDINA);
        String code = mailedCode(recoveryId, ANDINA_MAIL);

        assertThat(recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(wrong(code)).orElseThrow())).isEqualTo(new CodeInvalid(2));
        assertThat(recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(wrong(code)).orElseThrow())).isEqualTo(new CodeInvalid(1));
        assertThat(recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(wrong(code)).orElseThrow())).isInstanceOf(CodeLocked.class);

        assertThat(instance(recoveryId)).hasPassed("BoundaryError_OtpLocked", "EndEvent_OtpLocked").isEnded();
        assertThat(recoveries.status(new RecoveryId(recoveryId)).orElseThrow().status()).isEqualTo(RecoveryStatus.OTP_LOCKED);
        assertThat(recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(code).orElseThrow())).as("the right code after the lock").isInstanceOf(CodeLocked.class);
    }

    @Test
    void theRightCodeOneSecondAfterExpiryIsRefusedEvenBeforeTheTimerRuns() {
        String recoveryId = startOnline(DemoEmployers.ANDINA);
        String code = mailedCode(recoveryId, ANDINA_MAIL);

        advanceClock(Duration.ofMinutes(3).plusSeconds(1));

        assertThat(recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(code).orElseThrow())).isInstanceOf(CodeExpired.class);
        assertThat(recoveries.status(new RecoveryId(recoveryId)).orElseThrow().status()).isEqualTo(RecoveryStatus.OTP_EXPIRED);
        assertThat(instance(recoveryId)).hasNotPassed("EndEvent_OtpAccepted").isWaitingAt("ReceiveTask_AwaitOtp");
        execute(job("BoundaryTimer_OtpWindow", instance(recoveryId)));
        assertThat(instance(recoveryId)).hasPassed("EndEvent_OtpExpired").isEnded();
    }

    @Test
    void linkWindowTimerEndsTheRecoveryAsLinkExpired() {
        String recoveryId = startOnline(DemoEmployers.ANDINA);
        recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(mailedCode(recoveryId, ANDINA_MAIL)).orElseThrow());
        String token = mailedToken(recoveryId, ANDINA_MAIL);

        advanceClock(Duration.ofMinutes(3));
        execute(job("BoundaryTimer_LinkWindow", instance(recoveryId)));

        assertThat(instance(recoveryId)).hasPassed("EndEvent_LinkExpired").hasNotPassed("ServiceTask_StorePassword").isEnded();
        assertThat(recoveries.status(new RecoveryId(recoveryId)).orElseThrow().status()).isEqualTo(RecoveryStatus.LINK_EXPIRED);
        assertThat(recoveries.submitNewPassword(LinkToken.parse(token).orElseThrow(), NEW_CLAVE, NEW_CLAVE)).isEqualTo(new LinkExpired(false));
        assertThat(signIn.signIn(DemoEmployers.ANDINA.key(), DemoData.OLD_CLAVE)).isTrue();
    }

    @Test
    void aNewClaveOneSecondAfterTheLinkExpiredIsRefused() {
        String recoveryId = startOnline(DemoEmployers.ANDINA);
        recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(mailedCode(recoveryId, ANDINA_MAIL)).orElseThrow());
        String token = mailedToken(recoveryId, ANDINA_MAIL);

        advanceClock(Duration.ofMinutes(3).plusSeconds(1));

        assertThat(recoveries.checkLink(LinkToken.parse(token).orElseThrow())).isEqualTo(new LinkExpired(false));
        assertThat(recoveries.submitNewPassword(LinkToken.parse(token).orElseThrow(), NEW_CLAVE, NEW_CLAVE)).isEqualTo(new LinkExpired(false));
        assertThat(signIn.signIn(DemoEmployers.ANDINA.key(), NEW_CLAVE)).isFalse();
    }

    @Test
    void aUsedLinkCannotBeUsedAgain() {
        String recoveryId = startOnline(DemoEmployers.ANDINA);
        recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(mailedCode(recoveryId, ANDINA_MAIL)).orElseThrow());
        String token = mailedToken(recoveryId, ANDINA_MAIL);
        assertThat(recoveries.submitNewPassword(LinkToken.parse(token).orElseThrow(), NEW_CLAVE, NEW_CLAVE)).isInstanceOf(PasswordChanged.class);

        String another = "otra frase larga para la clave del empleador";
        assertThat(recoveries.submitNewPassword(LinkToken.parse(token).orElseThrow(), another, another)).isEqualTo(new LinkExpired(true));
        assertThat(recoveries.checkLink(LinkToken.parse(token).orElseThrow())).isEqualTo(new LinkExpired(true));
        assertThat(signIn.signIn(DemoEmployers.ANDINA.key(), NEW_CLAVE)).isTrue();
    }

    @Test
    void aClaveThatBreaksThePolicyOrDoesNotMatchItsConfirmationLeavesTheLinkOpen() {
        String recoveryId = startOnline(DemoEmployers.ANDINA);
        recoveries.submitCode(new RecoveryId(recoveryId), OtpCode.parse(mailedCode(recoveryId, ANDINA_MAIL)).orElseThrow());
        String token = mailedToken(recoveryId, ANDINA_MAIL);

        assertThat(recoveries.submitNewPassword(LinkToken.parse(token).orElseThrow(), "corta", "corta")).isInstanceOf(PasswordRefused.class);
        assertThat(recoveries.submitNewPassword(LinkToken.parse(token).orElseThrow(), "ComercialAndina2026!!", "ComercialAndina2026!!")).isInstanceOf(PasswordRefused.class);
        assertThat(recoveries.submitNewPassword(LinkToken.parse(token).orElseThrow(), NEW_CLAVE, NEW_CLAVE + " ")).isEqualTo(new PasswordMismatch());
        assertThat(recoveries.submitNewPassword(LinkToken.parse("x".repeat(43)).orElseThrow(), NEW_CLAVE, NEW_CLAVE)).isEqualTo(new LinkInvalid());

        assertThat(instance(recoveryId)).isWaitingAt("ReceiveTask_AwaitNewPassword");
        assertThat(recoveries.submitNewPassword(LinkToken.parse(token).orElseThrow(), NEW_CLAVE, NEW_CLAVE)).isInstanceOf(PasswordChanged.class);
    }

    @Test
    void aSecondOnlineRequestSupersedesTheFirst() {
        String first = startOnline(DemoEmployers.ANDINA);
        String firstCode = mailedCode(first, ANDINA_MAIL);

        advanceClock(Duration.ofSeconds(20));
        String second = startOnline(DemoEmployers.ANDINA);

        assertThat(instance(first)).hasPassed("StartEvent_Superseded", "EndEvent_Superseded").isEnded();
        assertThat(recoveries.status(new RecoveryId(first)).orElseThrow().status()).isEqualTo(RecoveryStatus.SUPERSEDED);
        assertThat(recoveries.submitCode(new RecoveryId(first), OtpCode.parse(firstCode).orElseThrow()))
                .as("replaced, not expired").isInstanceOf(CodeSuperseded.class);
        assertThat(instance(first)).as("no attempt spent on a replaced recovery").hasNotPassed("ServiceTask_VerifyOtp");
        assertThat(instance(second)).isWaitingAt("ReceiveTask_AwaitOtp", "ServiceTask_SendOtpMail");
        assertThat(recoveries.submitCode(new RecoveryId(second), OtpCode.parse(mailedCode(second, ANDINA_MAIL)).orElseThrow())).isInstanceOf(CodeAccepted.class);
    }

    @Test
    void twoRequestsAtTheSameMomentLeaveExactlyOneRecoveryInProgress() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> one = pool.submit(() -> startOnline(DemoEmployers.ANDINA));
            Future<String> other = pool.submit(() -> startOnline(DemoEmployers.ANDINA));
            List<RecoveryStatus> statuses = List.of(one.get(), other.get()).stream()
                    .map(id -> recoveries.status(new RecoveryId(id)).orElseThrow().status()).toList();

            assertThat(statuses).containsExactlyInAnyOrder(RecoveryStatus.AWAITING_OTP, RecoveryStatus.SUPERSEDED);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aMismatchedRequestDoesNotSupersedeTheRecoveryInProgress() {
        String first = startOnline(DemoEmployers.ANDINA);

        assertThat(start("1790012344001", "0001", "1704567898")).isEqualTo(new DataMismatch());

        assertThat(instance(first)).isWaitingAt("ReceiveTask_AwaitOtp");
    }

    @Test
    void anotherSucursalOfTheSameRucIsASeparateRecovery() {
        String matriz = startOnline(DemoEmployers.ANDINA);
        String guayaquil = startOnline(DemoEmployers.ANDINA_GUAYAQUIL);

        assertThat(instance(matriz)).isWaitingAt("ReceiveTask_AwaitOtp");
        assertThat(mailedCode(guayaquil, DemoEmployers.ANDINA_GUAYAQUIL.email())).matches(OtpCode.PATTERN);
    }

    private static String wrong(String code) {
        String zeros = "0".repeat(OtpCode.LENGTH);
        return code.equals(zeros) ? "1".repeat(OtpCode.LENGTH) : zeros;
    }
}
