package ec.gob.iess.claveempleador.recovery.process;

import ec.gob.iess.claveempleador.recovery.ApprovalRefusedException;
import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import ec.gob.iess.claveempleador.recovery.RecoverySteps;
import ec.gob.iess.claveempleador.recovery.StaffRefusalException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Registrar correo verificado: the address staff checked in person becomes the registered one. */
@Component("registerVerifiedEmailDelegate")
class RegisterVerifiedEmailDelegate implements JavaDelegate {

    private final RecoverySteps steps;

    RegisterVerifiedEmailDelegate(RecoverySteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            steps.registerVerifiedEmail(execution.getProcessBusinessKey(),
                    Variables.optionalString(execution, RecoveryProcess.VERIFIED_EMAIL).orElse(null),
                    Variables.flag(execution, RecoveryProcess.IDENTITY_VERIFIED));
        } catch (ApprovalRefusedException e) {
            // Not a BPMN error: the staff member's completion is rolled back and Tasklist shows the sentence of this
            // key, so the case stays open for a proper decision instead of ending quietly.
            throw new StaffRefusalException(e.condition().messageKey());
        }
    }
}
