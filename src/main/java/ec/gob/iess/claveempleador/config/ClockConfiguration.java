package ec.gob.iess.claveempleador.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the engine and the application: expiry checks and timer due dates must agree to the
 * second, and process tests move both with {@code ClockUtil.setCurrentTime}.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return new EngineClock(ZoneOffset.UTC);
    }

    static final class EngineClock extends Clock {

        private final ZoneId zone;

        EngineClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new EngineClock(zone);
        }

        @Override
        public Instant instant() {
            return ClockUtil.now().toInstant();
        }
    }
}
