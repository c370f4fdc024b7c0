package ec.gob.iess.claveempleador.recovery.process;

import java.util.Map;

import ec.gob.iess.claveempleador.recovery.CaseNotifications;
import ec.gob.iess.claveempleador.recovery.CaseNotifications.Closing;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notices of a case that closed without a new clave: async, retried like the confirmation mail. */
@Configuration(proxyBeanMethods = false)
class CaseMailDelegates {

    static final Map<String, Closing> CLOSINGS = Map.of(
            "ServiceTask_SendRejectionMail", Closing.REJECTED,
            "ServiceTask_SendCaseExpiredMail", Closing.DEADLINE_PASSED,
            "ServiceTask_SendApprovalExpiredMail", Closing.APPROVAL_EXPIRED);

    @Bean
    JavaDelegate sendCaseClosedMailDelegate(CaseNotifications notifications) {
        return execution -> {
            Closing closing = CLOSINGS.get(execution.getCurrentActivityId());
            if (closing == null) {
                throw new IllegalStateException("no case notice for " + execution.getCurrentActivityId());
            }
            notifications.caseClosed(execution.getProcessBusinessKey(), closing);
        };
    }
}
