package ec.gob.iess.claveempleador.recovery.process;

import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import ec.gob.iess.claveempleador.recovery.RecoverySteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Registrar correo verificado: the address staff checked in person becomes the registered one. Whether the decision
 * may be taken at all is {@link AssistedDecisionListener}'s to say, before this step runs.
 */
@Component("registerVerifiedEmailDelegate")
class RegisterVerifiedEmailDelegate implements JavaDelegate {

    private final RecoverySteps steps;

    RegisterVerifiedEmailDelegate(RecoverySteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.registerVerifiedEmail(execution.getProcessBusinessKey(),
                Variables.optionalString(execution, RecoveryProcess.VERIFIED_EMAIL).orElse(null),
                Variables.flag(execution, RecoveryProcess.IDENTITY_VERIFIED));
    }
}
