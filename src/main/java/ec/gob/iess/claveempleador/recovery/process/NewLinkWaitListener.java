package ec.gob.iess.claveempleador.recovery.process;

import ec.gob.iess.claveempleador.recovery.AssistedCases;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Esperar un pedido de nuevo enlace: the approved case's link expired, and the case page now offers a new one. */
@Component("newLinkWaitListener")
class NewLinkWaitListener implements ExecutionListener {

    private final AssistedCases cases;

    NewLinkWaitListener(AssistedCases cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateExecution execution) {
        cases.linkExpired(execution.getProcessBusinessKey());
    }
}
