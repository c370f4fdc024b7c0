package ec.gob.iess.claveempleador.recovery.process;

import java.util.Locale;
import java.util.Optional;

import ec.gob.iess.claveempleador.config.Ecuador;
import ec.gob.iess.claveempleador.employer.Employer;
import ec.gob.iess.claveempleador.recovery.StaffRefusalException;
import ec.gob.iess.claveempleador.recovery.AssistedCases;
import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import ec.gob.iess.claveempleador.recovery.RecoveryProperties;
import ec.gob.iess.claveempleador.recovery.RejectionReason;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The assisted-attention task's safeguards. When the task is created: the case is opened with its deadline, and the
 * form learns in one sentence what each decision will do (masked address only). When the completed task's flow is
 * taken: the decision is checked whatever the form let through (the engine REST API takes any variables), and a
 * refusal rolls the completion back with one plain Spanish sentence that Tasklist shows; an accepted decision is
 * recorded on the case. The check sits on the flow, not on the task's complete event, because the engine wraps a
 * task listener's failure in its own words ("ENGINE-03051 …") while it passes an execution listener's on as it is.
 */
@Component("assistedDecisionListener")
class AssistedDecisionListener implements TaskListener, ExecutionListener {

    // Staff work in Spanish: refusals and previews are read in Tasklist.
    private static final Locale STAFF = Ecuador.SPANISH;

    private final AssistedCases cases;
    private final RecoveryProperties properties;
    private final MessageSource messages;

    AssistedDecisionListener(AssistedCases cases, RecoveryProperties properties, MessageSource messages) {
        this.cases = cases;
        this.properties = properties;
        this.messages = messages;
    }

    /** The task was created. */
    @Override
    public void notify(DelegateTask task) {
        cases.opened(task.getExecution().getProcessBusinessKey(), task.getDueDate().toInstant());
        long minutes = properties.linkWindowMinutes();
        boolean requiresEmail = Variables.flag(task, RecoveryProcess.REQUIRES_EMAIL);
        String masked = Variables.string(task, RecoveryProcess.MASKED_EMAIL);
        task.setVariable(RecoveryProcess.APPROVAL_PREVIEW, requiresEmail
                ? text("staff.preview.approve.noEmail", minutes)
                : text("staff.preview.approve", masked, minutes));
        task.setVariable(RecoveryProcess.APPROVAL_PREVIEW_VERIFIED_EMAIL, text("staff.preview.approve.verifiedEmail", minutes));
        task.setVariable(RecoveryProcess.REJECTION_PREVIEW, requiresEmail
                ? text("staff.preview.reject.noEmail")
                : text("staff.preview.reject", masked));
    }

    /** The completed task's decision is about to be taken. */
    @Override
    public void notify(DelegateExecution execution) {
        String recoveryId = execution.getProcessBusinessKey();
        String decision = Variables.optionalString(execution, RecoveryProcess.DECISION).orElse("");
        if (RecoveryProcess.DECISION_APPROVE.equals(decision)) {
            checkApproval(execution);
            cases.approved(recoveryId);
        } else if (RecoveryProcess.DECISION_REJECT.equals(decision)) {
            RejectionReason reason = Variables.optionalString(execution, RecoveryProcess.REJECTION_REASON)
                    .flatMap(RejectionReason::parse)
                    .orElseThrow(() -> refused("staff.refusal.decision.reasonRequired"));
            Optional<String> notes = Variables.optionalString(execution, RecoveryProcess.NOTES).map(String::trim).filter(n -> !n.isEmpty());
            if (reason == RejectionReason.OTHER && notes.isEmpty()) {
                throw refused("staff.refusal.decision.notesRequired");
            }
            cases.rejected(recoveryId, reason, notes.orElse(null));
        } else {
            throw refused("staff.refusal.decision.required");
        }
    }

    private void checkApproval(VariableScope decision) {
        if (!Variables.flag(decision, RecoveryProcess.IDENTITY_VERIFIED)) {
            throw refused("staff.refusal.decision.identityNotVerified");
        }
        if (!Variables.flag(decision, RecoveryProcess.DOCUMENTS_CHECKED)) {
            throw refused("staff.refusal.decision.documentsNotChecked");
        }
        Optional<String> email = trimmed(decision, RecoveryProcess.VERIFIED_EMAIL);
        if (email.isEmpty()) {
            if (Variables.flag(decision, RecoveryProcess.REQUIRES_EMAIL)) {
                throw refused("staff.refusal.decision.emailRequired");
            }
            return;
        }
        if (!Employer.isUsableEmail(email.get())) {
            throw refused("staff.refusal.decision.emailInvalid");
        }
        if (!email.equals(trimmed(decision, RecoveryProcess.VERIFIED_EMAIL_CONFIRMATION))) {
            throw refused("staff.refusal.decision.emailMismatch");
        }
    }

    private static Optional<String> trimmed(VariableScope task, String name) {
        return Variables.optionalString(task, name).map(String::trim).filter(value -> !value.isEmpty());
    }

    /** The engine rolls the completion back; the staff screens show the sentence of this key. */
    private static StaffRefusalException refused(String key) {
        return new StaffRefusalException(key);
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, STAFF);
    }
}
