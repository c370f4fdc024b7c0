package ec.gob.iess.claveempleador.recovery.process;

import ec.gob.iess.claveempleador.recovery.RecoverySteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The gateway "¿Quedan códigos nuevos?" reads ${otpResends.allowed(execution)}: the count lives with the recovery, the limit in configuration. */
@Component("otpResends")
public class OtpResendGate {

    private final RecoverySteps steps;

    OtpResendGate(RecoverySteps steps) {
        this.steps = steps;
    }

    public boolean allowed(DelegateExecution execution) {
        return steps.otpResendAllowed(execution.getProcessBusinessKey());
    }
}
