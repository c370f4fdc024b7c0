package ec.gob.iess.claveempleador.recovery.process;

import ec.gob.iess.claveempleador.recovery.RecoverySteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Emitir enlace de recuperación: a single-use token whose SHA-256 is all that stays. */
@Component("issueLinkDelegate")
class IssueLinkDelegate implements JavaDelegate {

    private final RecoverySteps steps;

    IssueLinkDelegate(RecoverySteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.issueLink(execution.getProcessBusinessKey());
    }
}
