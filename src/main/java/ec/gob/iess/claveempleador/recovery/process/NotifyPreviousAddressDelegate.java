package ec.gob.iess.claveempleador.recovery.process;

import ec.gob.iess.claveempleador.recovery.PreviousAddressNotices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Avisar al correo anterior: an async mail task like the others (retried by the job executor on the
 * confirmation's cycle, then an incident), on its own branch so that the link never waits for it.
 */
@Component("notifyPreviousAddressDelegate")
class NotifyPreviousAddressDelegate implements JavaDelegate {

    private final PreviousAddressNotices notices;

    NotifyPreviousAddressDelegate(PreviousAddressNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.send(execution.getProcessBusinessKey());
    }
}
