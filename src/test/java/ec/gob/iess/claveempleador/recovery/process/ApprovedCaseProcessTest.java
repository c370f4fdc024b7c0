package ec.gob.iess.claveempleador.recovery.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import ec.gob.iess.claveempleador.identity.Cedula;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.identity.Ruc;
import ec.gob.iess.claveempleador.recovery.RecoveryId;
import ec.gob.iess.claveempleador.recovery.LinkToken;
import ec.gob.iess.claveempleador.recovery.AssistedCases;
import ec.gob.iess.claveempleador.recovery.CaseResults.CaseView;
import ec.gob.iess.claveempleador.recovery.CaseResults.NewLinkRefused;
import ec.gob.iess.claveempleador.recovery.CaseResults.NewLinkResult;
import ec.gob.iess.claveempleador.recovery.CaseResults.NewLinkSent;
import ec.gob.iess.claveempleador.recovery.CaseResults.Refusal;
import ec.gob.iess.claveempleador.recovery.CaseStatus;
import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.AssistedPending;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.LinkInvalid;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordChanged;
import ec.gob.iess.claveempleador.recovery.RecoveryStatus;
import ec.gob.iess.claveempleador.recovery.RejectionReason;
import ec.gob.iess.claveempleador.support.TestMailbox;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An approved assisted case survives its link; the staff decision is refused unless it is complete. */
class ApprovedCaseProcessTest extends RecoveryProcessTestBase {

    private static final String TEXTILES_RUC = "1792223334001";
    private static final String TEXTILES_REPRESENTATIVE = "1711223345";
    private static final String VERIFIED = "gerencia@textiles-imbabura.example";

    @Autowired
    AssistedCases cases;

    @Test
    void anApprovedCaseWhoseLinkExpiredGetsANewLinkForTheSameCaseAndTheEmployerSetsTheClave() {
        AssistedPending pending = textilesCase();
        approve(pending, VERIFIED);
        String firstToken = mailedToken(pending.recoveryId(), VERIFIED);

        advanceClock(Duration.ofMinutes(3));
        execute(job("BoundaryTimer_LinkWindow", instance(pending.recoveryId())));

        assertThat(instance(pending.recoveryId())).hasPassed("Gateway_LinkExpiredRoute").hasNotPassed("EndEvent_LinkExpired")
                .isWaitingAt("Gateway_AwaitNewLink");
        assertThat(recoveries.status(new RecoveryId(pending.recoveryId())).orElseThrow().status()).isEqualTo(RecoveryStatus.ASSISTED_APPROVED);
        CaseView approved = lookup(pending).orElseThrow();
        assertThat(approved.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(approved.newLinkAvailable()).isTrue();
        assertThat(approved.deadline()).isEqualTo(Instant.parse("2026-11-25T15:00:00Z").plus(Duration.ofDays(7)));

        NewLinkResult result = requestNewLink(pending);

        assertThat(result).isEqualTo(new NewLinkSent("g***@textiles-imbabura.example", Instant.parse("2026-11-25T15:06:00Z")));
        assertThat(lookup(pending).orElseThrow().status()).isEqualTo(CaseStatus.LINK_SENT);
        assertThat(recoveries.checkLink(LinkToken.parse(firstToken).orElseThrow())).as("the old link is replaced").isInstanceOf(LinkInvalid.class);
        String secondToken = mailedToken(pending.recoveryId(), VERIFIED);
        assertThat(recoveries.submitNewPassword(LinkToken.parse(secondToken).orElseThrow(), NEW_CLAVE, NEW_CLAVE)).isInstanceOf(PasswordChanged.class);
        execute(job("ServiceTask_SendConfirmationMail", instance(pending.recoveryId())));

        assertThat(instance(pending.recoveryId())).hasPassed("MessageEvent_NewLinkRequested", "EndEvent_PasswordReset").isEnded();
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(pending.recoveryId()).count())
                .as("one visit, one task").isOne();
        assertThat(runtime.createProcessInstanceQuery().count()).isZero();
        assertThat(lookup(pending).orElseThrow().status()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(signIn.signIn(EmployerKey.of(TEXTILES_RUC, "0001"), NEW_CLAVE)).isTrue();
    }

    @Test
    void aRequestWhileTheApprovedCaseWaitsPointsToThatCaseInsteadOfOpeningAnother() {
        AssistedPending pending = textilesCase();
        approve(pending, VERIFIED);
        advanceClock(Duration.ofMinutes(3));
        execute(job("BoundaryTimer_LinkWindow", instance(pending.recoveryId())));

        assertThat(start(TEXTILES_RUC, "0001", TEXTILES_REPRESENTATIVE)).isEqualTo(pending);
    }

    @Test
    void theApprovalRunsOutAfterItsValidityAndTheEmployerIsTold() {
        AssistedPending pending = textilesCase();
        approve(pending, VERIFIED);
        mailedToken(pending.recoveryId(), VERIFIED);
        advanceClock(Duration.ofMinutes(3));
        execute(job("BoundaryTimer_LinkWindow", instance(pending.recoveryId())));

        advanceClock(Duration.ofDays(7));
        assertThat(lookup(pending).orElseThrow().status()).as("to the second, before the timer runs").isEqualTo(CaseStatus.EXPIRED);
        assertThat(requestNewLink(pending)).isInstanceOfSatisfying(NewLinkRefused.class,
                refused -> assertThat(refused.refusal()).isEqualTo(Refusal.CASE_CLOSED));
        execute(job("TimerEvent_ApprovalValidity", instance(pending.recoveryId())));
        execute(job("ServiceTask_SendApprovalExpiredMail", instance(pending.recoveryId())));

        assertThat(instance(pending.recoveryId())).hasPassed("EndEvent_ApprovalExpired").isEnded();
        assertThat(recoveries.status(new RecoveryId(pending.recoveryId())).orElseThrow().status()).isEqualTo(RecoveryStatus.ASSISTED_EXPIRED);
        assertThat(TestMailbox.text(mailbox.latestTo(VERIFIED))).contains(pending.caseNumber(), "venció");
    }

    @Test
    void newLinksAreLimitedToTheConfiguredNumber() {
        AssistedPending pending = textilesCase();
        approve(pending, VERIFIED);
        for (int resend = 1; resend <= 5; resend++) {
            expireTheLink(pending);
            assertThat(requestNewLink(pending)).as("new link %d", resend).isInstanceOf(NewLinkSent.class);
        }
        expireTheLink(pending);

        CaseView exhausted = lookup(pending).orElseThrow();
        assertThat(exhausted.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(exhausted.newLinkAvailable()).isFalse();
        assertThat(requestNewLink(pending)).isInstanceOfSatisfying(NewLinkRefused.class,
                refused -> assertThat(refused.refusal()).isEqualTo(Refusal.NO_NEW_LINKS_LEFT));
        assertThat(instance(pending.recoveryId())).isWaitingAt("Gateway_AwaitNewLink");
    }

    @Test
    void aNewLinkIsRefusedWhileTheCaseIsPendingAndWhileTheLastLinkIsValid() {
        AssistedPending pending = textilesCase();
        assertThat(requestNewLink(pending)).isInstanceOfSatisfying(NewLinkRefused.class,
                refused -> assertThat(refused.refusal()).isEqualTo(Refusal.NOT_YET_APPROVED));

        approve(pending, VERIFIED);

        assertThat(requestNewLink(pending)).isInstanceOfSatisfying(NewLinkRefused.class,
                refused -> assertThat(refused.refusal()).isEqualTo(Refusal.LINK_STILL_VALID));
    }

    @Test
    void aRejectionNeedsAReasonFromTheList() {
        AssistedPending pending = textilesCase();
        Task task = task(instance(pending.recoveryId()));

        assertThatThrownBy(() -> complete(task, withVariables(RecoveryProcess.DECISION, RecoveryProcess.DECISION_REJECT)))
                .isInstanceOf(ProcessEngineException.class).satisfies(refusal -> assertThat(staffSentence(refusal)).contains("elija el motivo del rechazo"));
        assertThatThrownBy(() -> complete(task, withVariables(RecoveryProcess.DECISION, RecoveryProcess.DECISION_REJECT,
                RecoveryProcess.REJECTION_REASON, "no me cae bien")))
                .satisfies(refusal -> assertThat(staffSentence(refusal)).contains("elija el motivo del rechazo"));
        assertThatThrownBy(() -> complete(task, withVariables(RecoveryProcess.DECISION, RecoveryProcess.DECISION_REJECT,
                RecoveryProcess.REJECTION_REASON, "OTHER", RecoveryProcess.NOTES, "  ")))
                .satisfies(refusal -> assertThat(staffSentence(refusal)).contains("escriba en las observaciones"));
        assertThat(instance(pending.recoveryId())).isWaitingAt("UserTask_AssistedAttention");

        complete(task, withVariables(RecoveryProcess.DECISION, RecoveryProcess.DECISION_REJECT,
                RecoveryProcess.REJECTION_REASON, "OTHER", RecoveryProcess.NOTES, "El RUC pertenece a otra sucursal."));

        CaseView rejected = lookup(pending).orElseThrow();
        assertThat(rejected.status()).isEqualTo(CaseStatus.REJECTED);
        assertThat(rejected.rejectionReason()).isEqualTo(RejectionReason.OTHER);
        assertThat(rejected.rejectionNotes()).isEqualTo("El RUC pertenece a otra sucursal.");
        execute(job("ServiceTask_SendRejectionMail", instance(pending.recoveryId())));
        assertThat(instance(pending.recoveryId())).hasPassed("EndEvent_AssistedRejected").isEnded();
        assertThat(mailbox.count()).as("no address on record: the case page tells the employer").isZero();
    }

    @Test
    void anApprovalIsRefusedUntilIdentityAndDocumentsAreCheckedAndTheVerifiedAddressIsTypedTwiceAlike() {
        AssistedPending pending = textilesCase();
        Task task = task(instance(pending.recoveryId()));

        assertThatThrownBy(() -> complete(task, approval(true, false, VERIFIED, VERIFIED)))
                .satisfies(refusal -> assertThat(staffSentence(refusal)).contains("primero revise los documentos"));
        assertThatThrownBy(() -> complete(task, approval(false, true, VERIFIED, VERIFIED)))
                .satisfies(refusal -> assertThat(staffSentence(refusal)).contains("verifique en persona la identidad"));
        assertThatThrownBy(() -> complete(task, approval(true, true, VERIFIED, "gerencia@textiles-imbabura.exmple")))
                .satisfies(refusal -> assertThat(staffSentence(refusal)).contains("los dos correos verificados no coinciden"));
        assertThatThrownBy(() -> complete(task, approval(true, true, "gerencia@textiles", "gerencia@textiles")))
                .satisfies(refusal -> assertThat(staffSentence(refusal)).contains("no es una dirección válida"));
        assertThatThrownBy(() -> complete(task, withVariables(RecoveryProcess.IDENTITY_VERIFIED, true)))
                .satisfies(refusal -> assertThat(staffSentence(refusal)).contains("Elija una decisión"));

        assertThat(instance(pending.recoveryId())).isWaitingAt("UserTask_AssistedAttention").hasNotPassed("ServiceTask_IssueLink");
        assertThat(lookup(pending).orElseThrow().status()).isEqualTo(CaseStatus.PENDING);
        assertThat(mailbox.count()).isZero();
    }

    @Test
    void theFormIsToldWhatEachDecisionWillDoWithTheMaskedAddressOnly() {
        AssistedPending pesquera = (AssistedPending) start("0990123454001", "0001", "0922334453");

        Map<String, Object> variables = runtime.getVariables(processInstanceId(pesquera.recoveryId()));

        assertThat(variables.get(RecoveryProcess.APPROVAL_PREVIEW)).isEqualTo(
                "Se enviará el enlace a r***@pesquera-pacifico.example, válido 3 minutos: pida al empleador abrir su correo ahora.");
        assertThat(variables.get(RecoveryProcess.REJECTION_PREVIEW).toString()).contains("r***@pesquera-pacifico.example");
        assertThat(variables.values()).noneMatch(value -> String.valueOf(value).contains("rrhh@"));
    }

    private AssistedPending textilesCase() {
        return (AssistedPending) start(TEXTILES_RUC, "0001", TEXTILES_REPRESENTATIVE);
    }

    private void approve(AssistedPending pending, String verifiedEmail) {
        complete(task(instance(pending.recoveryId())), approval(true, true, verifiedEmail, verifiedEmail));
    }

    private static Map<String, Object> approval(boolean identity, boolean documents, String email, String confirmation) {
        return withVariables(RecoveryProcess.DECISION, RecoveryProcess.DECISION_APPROVE, RecoveryProcess.IDENTITY_VERIFIED, identity,
                RecoveryProcess.DOCUMENTS_CHECKED, documents, RecoveryProcess.VERIFIED_EMAIL, email,
                RecoveryProcess.VERIFIED_EMAIL_CONFIRMATION, confirmation);
    }

    private void expireTheLink(AssistedPending pending) {
        advanceClock(Duration.ofMinutes(3));
        execute(job("BoundaryTimer_LinkWindow", instance(pending.recoveryId())));
    }

    private Optional<CaseView> lookup(AssistedPending pending) {
        return cases.lookup(pending.caseNumber(), Ruc.parse(TEXTILES_RUC), Cedula.parse(TEXTILES_REPRESENTATIVE));
    }

    private NewLinkResult requestNewLink(AssistedPending pending) {
        return cases.requestNewLink(pending.caseNumber().toLowerCase(), Ruc.parse(TEXTILES_RUC), Cedula.parse(TEXTILES_REPRESENTATIVE));
    }
}
