package ec.gob.iess.claveempleador.recovery.process;

import ec.gob.iess.claveempleador.recovery.OtpCheck;
import ec.gob.iess.claveempleador.recovery.RecoveryProcess;
import ec.gob.iess.claveempleador.recovery.RecoverySteps;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Verificar el código: the submitted code arrives as a transient variable and is never stored. */
@Component("verifyOtpDelegate")
class VerifyOtpDelegate implements JavaDelegate {

    private final RecoverySteps steps;

    VerifyOtpDelegate(RecoverySteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = Variables.optionalString(execution, RecoveryProcess.SUBMITTED_CODE).orElse("");
        OtpCheck check = steps.verifyOtp(execution.getProcessBusinessKey(), code);
        switch (check) {
            case ACCEPTED -> execution.setVariable(RecoveryProcess.OTP_ACCEPTED, true);
            // A late code is refused but does not end the window: its timer does, at the latest max-wait later.
            case REJECTED, EXPIRED -> execution.setVariable(RecoveryProcess.OTP_ACCEPTED, false);
            case LOCKED -> throw new BpmnError(RecoveryProcess.ERROR_OTP_LOCKED, "no attempts left");
        }
    }
}
