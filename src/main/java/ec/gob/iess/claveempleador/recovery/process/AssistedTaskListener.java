package ec.gob.iess.claveempleador.recovery.process;

import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Names the assisted-attention task after who and why, so the Tasklist list reads on its own. */
@Component("assistedTaskListener")
class AssistedTaskListener implements TaskListener {

    private final StaffTexts texts;

    AssistedTaskListener(StaffTexts texts) {
        this.texts = texts;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setName(texts.text("staff.task.name", Variables.string(task, RecoveryProcess.EMPLOYER_NAME),
                Variables.string(task, RecoveryProcess.ASSISTED_REASON_TEXT)));
        task.setDescription(texts.text("staff.task.description", Variables.string(task, RecoveryProcess.CASE_NUMBER),
                Variables.string(task, RecoveryProcess.RUC), Variables.string(task, RecoveryProcess.SUCURSAL),
                Variables.string(task, RecoveryProcess.WHAT_TO_BRING)));
    }
}
