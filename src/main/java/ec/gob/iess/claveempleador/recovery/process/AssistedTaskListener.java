package ec.gob.iess.claveempleador.recovery.process;

import ec.gob.iess.claveempleador.recovery.AssistedReason;
import ec.gob.iess.claveempleador.recovery.Channel;
import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names the assisted-attention task after the case the employer brings (case number, employer, RUC, reason),
 * so staff find it by what is printed on the employer's page, and copies those facts onto the task for the
 * Tasklist columns. A walk-in goes to the staff member who registered it.
 */
@Component("assistedTaskListener")
class AssistedTaskListener implements TaskListener {

    private final StaffTexts texts;

    AssistedTaskListener(StaffTexts texts) {
        this.texts = texts;
    }

    @Override
    public void notify(DelegateTask task) {
        String caseNumber = Variables.string(task, RecoveryProcess.CASE_NUMBER);
        String ruc = Variables.string(task, RecoveryProcess.RUC);
        String reason = texts.label(AssistedReason.valueOf(Variables.string(task, RecoveryProcess.ASSISTED_REASON)));
        task.setName(texts.text("staff.task.name", caseNumber, Variables.string(task, RecoveryProcess.EMPLOYER_NAME), ruc, reason));
        task.setDescription(texts.text("staff.task.description", caseNumber, ruc, Variables.string(task, RecoveryProcess.SUCURSAL),
                Variables.string(task, RecoveryProcess.WHAT_TO_BRING)));
        // Task-local copies: staff may read the variables of the tasks offered to them, not the whole
        // process instance's, and Tasklist's columns read them with the staff member's rights.
        task.setVariableLocal(RecoveryProcess.TASK_CASE_NUMBER, caseNumber);
        task.setVariableLocal(RecoveryProcess.TASK_RUC, ruc);
        task.setVariableLocal(RecoveryProcess.TASK_REASON, reason);
        if (Channel.CENTRE.name().equals(Variables.optionalString(task, RecoveryProcess.CHANNEL).orElse(null))) {
            // The start and this task share one transaction, so the staff member who started it is still signed in.
            var starter = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            if (starter != null) {
                task.setAssignee(starter.getUserId());
            }
        }
    }
}
