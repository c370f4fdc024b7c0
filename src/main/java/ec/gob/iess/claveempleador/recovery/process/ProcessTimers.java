package ec.gob.iess.claveempleador.recovery.process;

import ec.gob.iess.claveempleador.recovery.RecoveryProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The window lengths the model's timers read as ${otpWindow}, ${linkWindow} and ${assistedDeadline}. */
@Configuration(proxyBeanMethods = false)
class ProcessTimers {

    @Bean
    String otpWindow(RecoveryProperties properties) {
        return properties.otpWindow().toString();
    }

    @Bean
    String linkWindow(RecoveryProperties properties) {
        return properties.linkWindow().toString();
    }

    @Bean
    String assistedDeadline(RecoveryProperties properties) {
        return properties.assistedDeadline().toString();
    }
}
