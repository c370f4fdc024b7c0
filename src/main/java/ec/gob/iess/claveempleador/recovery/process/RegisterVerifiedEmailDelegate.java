package ec.gob.iess.claveempleador.recovery.process;

import ec.gob.iess.claveempleador.recovery.ApprovalRefusedException;
import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import ec.gob.iess.claveempleador.recovery.RecoverySteps;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Registrar correo verificado: the address staff checked in person becomes the registered one. */
@Component("registerVerifiedEmailDelegate")
class RegisterVerifiedEmailDelegate implements JavaDelegate {

    private final RecoverySteps steps;
    private final StaffTexts texts;

    RegisterVerifiedEmailDelegate(RecoverySteps steps, StaffTexts texts) {
        this.steps = steps;
        this.texts = texts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            steps.registerVerifiedEmail(execution.getProcessBusinessKey(),
                    Variables.optionalString(execution, RecoveryProcess.VERIFIED_EMAIL).orElse(null),
                    Variables.flag(execution, RecoveryProcess.IDENTITY_VERIFIED));
        } catch (ApprovalRefusedException e) {
            // Not a BPMN error: the staff member's completion is rolled back and Tasklist shows this Spanish
            // sentence, so the case stays open for a proper decision instead of ending quietly.
            throw new ProcessEngineException(texts.text(e.condition().messageKey()), e);
        }
    }
}
