package ec.gob.iess.claveempleador.recovery.process;

import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import ec.gob.iess.claveempleador.recovery.RecoverySteps;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Guardar la nueva clave: the Argon2id hash arrives as a transient variable; the plaintext never comes here. */
@Component("storePasswordDelegate")
class StorePasswordDelegate implements JavaDelegate {

    private final RecoverySteps steps;

    StorePasswordDelegate(RecoverySteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String hash = Variables.string(execution, RecoveryProcess.NEW_PASSWORD_HASH);
        if (!steps.storePassword(execution.getProcessBusinessKey(), hash)) {
            throw new BpmnError(RecoveryProcess.ERROR_LINK_EXPIRED, "link window closed");
        }
    }
}
