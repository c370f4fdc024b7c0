package ec.gob.iess.claveempleador.recovery.process;

import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Names the assisted-attention task after who and why, so the Tasklist list reads on its own. */
@Component("assistedTaskListener")
class AssistedTaskListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String employer = Variables.string(task, RecoveryProcess.EMPLOYER_NAME);
        String reason = Variables.string(task, RecoveryProcess.ASSISTED_REASON_TEXT);
        task.setName("Atención asistida – " + employer + " – " + reason);
        task.setDescription("Caso " + Variables.string(task, RecoveryProcess.CASE_NUMBER)
                + " · RUC " + Variables.string(task, RecoveryProcess.RUC)
                + " · sucursal " + Variables.string(task, RecoveryProcess.SUCURSAL)
                + ". Presentar: " + Variables.string(task, RecoveryProcess.WHAT_TO_BRING));
    }
}
