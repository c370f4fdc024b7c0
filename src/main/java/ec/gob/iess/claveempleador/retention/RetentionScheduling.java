package ec.gob.iess.claveempleador.retention;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the retention purge on its schedule (the engine's job executor runs the process's own jobs). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionScheduling {
}
