package ec.gob.iess.claveempleador.recovery.process;

import ec.gob.iess.claveempleador.audit.EmployerHistory;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Puts the employer's recoveries and cases of the last 90 days on the assisted-attention task, for the form to
 * show read-only: a clerk sees at once a third case this month, or one another centre rejected yesterday.
 */
@Component("earlierCasesListener")
class EarlierCasesListener implements TaskListener {

    private final EmployerHistory history;

    EarlierCasesListener(EmployerHistory history) {
        this.history = history;
    }

    @Override
    public void notify(DelegateTask task) {
        EmployerKey employer = EmployerKey.of(Variables.string(task, RecoveryProcess.RUC), Variables.string(task, RecoveryProcess.SUCURSAL));
        task.setVariable(RecoveryProcess.EARLIER_CASES, history.describe(employer, task.getExecution().getProcessBusinessKey()));
    }
}
