package ec.gob.iess.claveempleador.recovery.process;

import ec.gob.iess.claveempleador.recovery.RecoverySteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Emitir código: a fresh code whose HMAC is all that stays. */
@Component("issueOtpDelegate")
class IssueOtpDelegate implements JavaDelegate {

    private final RecoverySteps steps;

    IssueOtpDelegate(RecoverySteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.issueOtp(execution.getProcessBusinessKey());
    }
}
