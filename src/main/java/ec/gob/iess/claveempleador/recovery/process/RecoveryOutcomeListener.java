package ec.gob.iess.claveempleador.recovery.process;

import java.util.Map;

import ec.gob.iess.claveempleador.audit.AuditEventType;
import ec.gob.iess.claveempleador.recovery.RecoveryStatus;
import ec.gob.iess.claveempleador.recovery.RecoverySteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** On every end event that ends a recovery: records the outcome the employer will be told. */
@Component("recoveryOutcomeListener")
class RecoveryOutcomeListener implements ExecutionListener {

    private static final String APPROVAL_EXPIRED = "EndEvent_ApprovalExpired";

    static final Map<String, RecoveryStatus> OUTCOMES = Map.of(
            "EndEvent_ValidationRejected", RecoveryStatus.VALIDATION_REJECTED,
            "EndEvent_OtpExpired", RecoveryStatus.OTP_EXPIRED,
            "EndEvent_OtpLocked", RecoveryStatus.OTP_LOCKED,
            "EndEvent_OtpResendsExhausted", RecoveryStatus.OTP_LOCKED,
            "EndEvent_LinkExpired", RecoveryStatus.LINK_EXPIRED,
            "EndEvent_AssistedRejected", RecoveryStatus.ASSISTED_REJECTED,
            "EndEvent_AssistedExpired", RecoveryStatus.ASSISTED_EXPIRED,
            APPROVAL_EXPIRED, RecoveryStatus.ASSISTED_EXPIRED,
            "EndEvent_Superseded", RecoveryStatus.SUPERSEDED,
            "EndEvent_PasswordReset", RecoveryStatus.COMPLETED);

    private final RecoverySteps steps;

    RecoveryOutcomeListener(RecoverySteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateExecution execution) {
        RecoveryStatus outcome = OUTCOMES.get(execution.getCurrentActivityId());
        if (outcome == null) {
            throw new IllegalStateException("no outcome for end event " + execution.getCurrentActivityId());
        }
        // A request rejected for a malformed key has no recovery row to update.
        if (APPROVAL_EXPIRED.equals(execution.getCurrentActivityId())) {
            // The employer reads "expired" like any case that ran out; the trail says it was an approval that did.
            steps.finish(execution.getProcessBusinessKey(), outcome, AuditEventType.APPROVAL_EXPIRED);
            return;
        }
        if (outcome != RecoveryStatus.VALIDATION_REJECTED || steps.exists(execution.getProcessBusinessKey())) {
            steps.finish(execution.getProcessBusinessKey(), outcome);
        }
    }
}
