package ec.gob.iess.claveempleador.recovery.process;

import ec.gob.iess.claveempleador.recovery.RecoveryProperties;
import org.springframework.stereotype.Component;

/**
 * The window lengths the model's timers read as ${processTimers.otpWindow}, ${processTimers.linkWindow} and
 * ${processTimers.assistedDeadline}: from configuration only. A bare ${otpWindow} would resolve a process
 * variable of that name first, so whoever starts the process could choose the window.
 */
@Component("processTimers")
public class ProcessTimers {

    private final RecoveryProperties properties;

    ProcessTimers(RecoveryProperties properties) {
        this.properties = properties;
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
}
