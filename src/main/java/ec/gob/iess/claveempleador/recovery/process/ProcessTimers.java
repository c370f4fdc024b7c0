package ec.gob.iess.claveempleador.recovery.process;

import java.util.Date;

import ec.gob.iess.claveempleador.recovery.AssistedCases;
import ec.gob.iess.claveempleador.recovery.RecoveryProperties;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The window lengths the model's timers read as ${processTimers.otpWindow}, ${processTimers.linkWindow} and
 * ${processTimers.assistedDeadline}: from configuration only. A bare ${otpWindow} would resolve a process
 * variable of that name first, so whoever starts the process could choose the window.
 */
@Component("processTimers")
public class ProcessTimers {

    private final RecoveryProperties properties;
    private final AssistedCases cases;

    ProcessTimers(RecoveryProperties properties, AssistedCases cases) {
        this.properties = properties;
        this.cases = cases;
    }

    public String getOtpWindow() {
        return properties.otpWindow().toString();
    }

    public String getLinkWindow() {
        return properties.linkWindow().toString();
    }

    public String getAssistedDeadline() {
        return properties.assistedDeadline().toString();
    }

    /**
     * ${processTimers.approvalExpiry(execution)}: the end of an approved case's approval, fixed at approval from
     * clave.recovery.assisted-approval-validity. Every wait for a new link ends at that same moment.
     */
    public Date approvalExpiry(DelegateExecution execution) {
        return Date.from(cases.approvalExpiresAt(execution.getProcessBusinessKey()));
    }
}
