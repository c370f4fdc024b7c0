package ec.gob.iess.claveempleador.recovery.process;

import ec.gob.iess.claveempleador.recovery.RecoveryNotifications;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The three mail tasks. They run as async continuations: a failed send is retried by the job executor
 * across the window ({@link MailRetries}) and then becomes an incident, with the sealed secret still there
 * for a manual retry while the window lasts.
 */
@Configuration(proxyBeanMethods = false)
class MailDelegates {

    @Bean
    JavaDelegate sendOtpMailDelegate(RecoveryNotifications notifications) {
        return execution -> notifications.sendCode(execution.getProcessBusinessKey());
    }

    @Bean
    JavaDelegate sendLinkMailDelegate(RecoveryNotifications notifications) {
        return execution -> notifications.sendLink(execution.getProcessBusinessKey());
    }

    @Bean
    JavaDelegate sendConfirmationMailDelegate(RecoveryNotifications notifications) {
        return execution -> notifications.sendConfirmation(execution.getProcessBusinessKey());
    }
}
