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
import java.util.List;
import java.util.Map;

import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.recovery.AssistedReason;
import ec.gob.iess.claveempleador.recovery.LinkToken;
import ec.gob.iess.claveempleador.recovery.RecoveryId;
import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.AssistedPending;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.PasswordChanged;
import ec.gob.iess.claveempleador.recovery.RecoveryResults.StartResult;
import ec.gob.iess.claveempleador.recovery.RecoveryStatus;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import ec.gob.iess.claveempleador.recovery.StaffRefusalException;
import ec.gob.iess.claveempleador.support.TestMailbox;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssistedAttentionProcessTest extends RecoveryProcessTestBase {

    /** The reason as a task name ends: a few words staff scan in a list. */
    private static final Map<AssistedReason, String> LABELS = Map.of(
            AssistedReason.RUC_SUSPENDED, "RUC suspendido en el SRI",
            AssistedReason.RUC_CLOSED, "RUC cerrado en el SRI",
            AssistedReason.NO_VALID_EMAIL, "sin correo válido",
            AssistedReason.FIRST_TIME_KEY, "clave por primera vez");

    @ParameterizedTest(name = "{3}")
    @CsvSource(nullValues = "-", value = {
            "0990123454001, 0922334453, RUC_SUSPENDED,  El RUC está suspendido en el SRI., -,                  rrhh@pesquera-pacifico.example",
            "1791112229001, 1103456784, RUC_CLOSED,     El RUC está cerrado en el SRI.,    -,                  admin@constructora-andes.example",
            "1792223334001, 1711223345, NO_VALID_EMAIL, No hay un correo electrónico válido registrado para este empleador., gerencia@textiles-imbabura.example, gerencia@textiles-imbabura.example",
            "1760012320001, 1700112236, FIRST_TIME_KEY, El empleador aún no tiene una clave: la primera clave se entrega en persona., -, talento@gad-ejemplo.example"
    })
    void specialCasesGoToACentreAndFinishWithTheLinkOnceStaffApprove(String ruc, String cedula, AssistedReason reason, String words,
                                                                    String verifiedEmail, String mailTo) {
        StartResult result = start(ruc, "0001", cedula);

        assertThat(result).isInstanceOf(AssistedPending.class);
        AssistedPending pending = (AssistedPending) result;
        assertThat(pending.reason()).isEqualTo(reason);
        assertThat(pending.caseNumber()).matches("CAU-2026-[2-9A-Z]{8}");
        assertThat(instance(pending.recoveryId())).isWaitingAt("UserTask_AssistedAttention")
                .hasNotPassed("SubProcess_OtpWindow");
        Task task = task(instance(pending.recoveryId()));
        assertThat(task).hasCandidateGroup("centro-atencion").hasDueDate(java.util.Date.from(
                java.time.Instant.parse("2026-11-25T15:00:00Z").plus(Duration.ofDays(30))));
        assertThat(task.getName()).as("what staff search by: case number, employer, RUC, reason")
                .startsWith(pending.caseNumber() + " · ").contains(" · RUC " + ruc + " · ").endsWith(" · " + LABELS.get(reason));
        assertThat(task.getDescription()).contains(pending.caseNumber(), ruc);
        assertThat(mailbox.count()).as("no code is mailed for an assisted case").isZero();

        Map<String, Object> decision = withVariables(RecoveryProcess.DECISION, RecoveryProcess.DECISION_APPROVE,
                RecoveryProcess.IDENTITY_VERIFIED, true, RecoveryProcess.DOCUMENTS_CHECKED, true,
                RecoveryProcess.VERIFIED_EMAIL, verifiedEmail == null ? "" : verifiedEmail,
                RecoveryProcess.VERIFIED_EMAIL_CONFIRMATION, verifiedEmail == null ? "" : verifiedEmail);
        complete(task, decision);

        assertThat(instance(pending.recoveryId())).hasPassed("ServiceTask_RegisterVerifiedEmail", "ServiceTask_IssueLink")
                .isWaitingAt("ReceiveTask_AwaitNewPassword", "ServiceTask_SendLinkMail");
        String token = mailedToken(pending.recoveryId(), mailTo);
        assertThat(recoveries.submitNewPassword(LinkToken.parse(token).orElseThrow(), NEW_CLAVE, NEW_CLAVE)).isInstanceOf(PasswordChanged.class);
        execute(job("ServiceTask_SendConfirmationMail", instance(pending.recoveryId())));

        assertThat(instance(pending.recoveryId())).hasPassed("EndEvent_PasswordReset").isEnded();
        assertThat(signIn.signIn(EmployerKey.of(ruc, "0001"), NEW_CLAVE)).isTrue();
    }

    @Test
    void staffCanRejectACaseWithAReasonAndTheEmployerIsToldByMail() {
        AssistedPending pending = (AssistedPending) start(DemoEmployers.PESQUERA);

        complete(task(instance(pending.recoveryId())), withVariables(RecoveryProcess.DECISION, RecoveryProcess.DECISION_REJECT,
                RecoveryProcess.IDENTITY_VERIFIED, false, RecoveryProcess.REJECTION_REASON, "REPRESENTATIVE_NOT_CURRENT",
                RecoveryProcess.NOTES, "No presentó el nombramiento"));

        assertThat(recoveries.status(new RecoveryId(pending.recoveryId())).orElseThrow().status())
                .as("decided at once, before the notice is mailed").isEqualTo(RecoveryStatus.ASSISTED_REJECTED);
        execute(job("ServiceTask_SendRejectionMail", instance(pending.recoveryId())));
        assertThat(instance(pending.recoveryId())).hasPassed("EndEvent_AssistedRejected").hasNotPassed("SubProcess_LinkWindow").isEnded();
        assertThat(recoveries.status(new RecoveryId(pending.recoveryId())).orElseThrow().status()).isEqualTo(RecoveryStatus.ASSISTED_REJECTED);
        assertThat(mailbox.count()).isOne();
        assertThat(TestMailbox.text(mailbox.latestTo("rrhh@pesquera-pacifico.example")))
                .contains(pending.caseNumber(), "rechazó", "El representante legal no está vigente.")
                .as("notes are internal unless the reason is «otro»").doesNotContain("nombramiento");
    }

    @Test
    void aCaseNobodyWorksExpiresAtItsDeadline() {
        AssistedPending pending = (AssistedPending) start(DemoEmployers.CONSTRUCTORA);

        advanceClock(Duration.ofDays(30));
        execute(job("BoundaryTimer_AssistedDeadline", instance(pending.recoveryId())));
        execute(job("ServiceTask_SendCaseExpiredMail", instance(pending.recoveryId())));

        assertThat(instance(pending.recoveryId())).hasPassed("EndEvent_AssistedExpired").isEnded();
        assertThat(recoveries.status(new RecoveryId(pending.recoveryId())).orElseThrow().status()).isEqualTo(RecoveryStatus.ASSISTED_EXPIRED);
        assertThat(TestMailbox.text(mailbox.latestTo("admin@constructora-andes.example"))).contains(pending.caseNumber(), "plazo");
    }

    @Test
    void approvingWithoutAValidEmailOnRecordNeedsAVerifiedOne() {
        AssistedPending pending = (AssistedPending) start(DemoEmployers.TEXTILES);
        Task task = task(instance(pending.recoveryId()));

        assertThatThrownBy(() -> complete(task, withVariables(RecoveryProcess.DECISION, RecoveryProcess.DECISION_APPROVE,
                RecoveryProcess.IDENTITY_VERIFIED, true, RecoveryProcess.DOCUMENTS_CHECKED, true, RecoveryProcess.VERIFIED_EMAIL, "")))
                .satisfies(refusal -> assertThat(staffSentence(refusal))
                        .isEqualTo("No se puede aprobar: el empleador no tiene un correo válido registrado, así que escriba dos veces el correo que verificó."));

        assertThat(instance(pending.recoveryId())).isWaitingAt("UserTask_AssistedAttention");
    }

    @Test
    void approvingWithoutTheIdentityVerifiedIsRefusedAndTheCaseStaysOpen() {
        AssistedPending pending = (AssistedPending) start(DemoEmployers.PESQUERA);
        Task task = task(instance(pending.recoveryId()));

        assertThatThrownBy(() -> complete(task, withVariables(RecoveryProcess.DECISION, RecoveryProcess.DECISION_APPROVE,
                RecoveryProcess.IDENTITY_VERIFIED, false, RecoveryProcess.DOCUMENTS_CHECKED, true)))
                .isInstanceOfSatisfying(StaffRefusalException.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("staff.refusal.decision.identityNotVerified"));

        assertThat(instance(pending.recoveryId())).isWaitingAt("UserTask_AssistedAttention").hasNotPassed("ServiceTask_IssueLink");
        assertThat(recoveries.status(new RecoveryId(pending.recoveryId())).orElseThrow().status()).isEqualTo(RecoveryStatus.ASSISTED_PENDING);
        assertThat(mailbox.count()).isZero();
    }

    @Test
    void aRequestWhileAnAssistedCaseIsOpenPointsToThatCase() {
        AssistedPending first = (AssistedPending) start(DemoEmployers.PESQUERA);
        long instances = runtime.createProcessInstanceQuery().count();

        StartResult again = start(DemoEmployers.PESQUERA);

        assertThat(again).isEqualTo(first);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    @Test
    void aWalkInRegisteredFromTheStaffStartFormGoesStraightToAssistedAttention() {
        ProcessInstance walkIn = startAsStaff("1790012344001", "0001", "1712345675");

        assertThat(walkIn).isWaitingAt("UserTask_AssistedAttention").hasNotPassed("SubProcess_OtpWindow");
        String recoveryId = walkIn.getBusinessKey();
        assertThat(recoveryId).as("the validation step gives a walk-in its recovery id").isNotBlank();
        assertThat(recoveries.status(new RecoveryId(recoveryId)).orElseThrow().assistedReason()).isEqualTo(AssistedReason.WALK_IN);
        String caseNumber = recoveries.status(new RecoveryId(recoveryId)).orElseThrow().caseNumber();
        assertThat(task(walkIn).getName()).isEqualTo(caseNumber + " · Comercial Andina S.A. · RUC 1790012344001 · atención presencial");
        assertThat(task(walkIn).getAssignee()).as("the staff member who registered the walk-in").isEqualTo("agente");
    }

    @Test
    void aWalkInWhoseDataDoesNotMatchIsRefusedOnTheStartFormAndNothingIsKept() {
        long before = history.createHistoricProcessInstanceQuery().count();

        assertThatThrownBy(() -> startAsStaff("1790012344001", "0001", "1704567898"))
                .isInstanceOfSatisfying(StaffRefusalException.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("staff.refusal.WALK_IN_MISMATCH"));

        assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recovery").query(Integer.class).single()).isZero();
    }

    /** What the staff start form does: the start is made by a signed-in centre staff member. */
    private ProcessInstance startAsStaff(String ruc, String sucursal, String cedula) {
        engine.getIdentityService().setAuthentication("agente", List.of("centro-atencion"));
        try {
            return runtime.startProcessInstanceByKey(RecoveryProcess.KEY, withVariables(
                    RecoveryProcess.RUC, ruc, RecoveryProcess.SUCURSAL, sucursal, RecoveryProcess.REPRESENTATIVE_ID, cedula));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }
}
