package ec.gob.iess.claveempleador.portal;

import static org.assertj.core.api.Assertions.assertThat;

import ec.gob.iess.claveempleador.identity.Cedula;
import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.ratelimit.RateLimitProperties;
import ec.gob.iess.claveempleador.support.ClaveSpringBootTest;
import ec.gob.iess.claveempleador.support.DemoData;
import ec.gob.iess.claveempleador.support.DemoEmployers;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The pages count against the same database limits, by the same rules, as the API. */
@ClaveSpringBootTest
class PortalThrottleTest {

    private static final EmployerKey ANDINA = DemoEmployers.ANDINA.key();
    private static final Cedula REPRESENTATIVE = DemoEmployers.ANDINA.representative();
    private static final Cedula SOMEBODY_ELSE = DemoEmployers.MARIA_PEREZ.representative();

    @Autowired
    PortalThrottle throttle;
    @Autowired
    RateLimitProperties limits;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void resetCounters() {
        DemoData.reset(runtime, jdbc);
    }

    @Test
    void matchingStartsPastThePerEmployerLimitMustWaitAndMismatchesDoNotCountTowardsIt() {
        for (int attempt = 0; attempt < 2 * limits.recoveryStartPerEmployer().max(); attempt++) {
            assertThat(throttle.beforeRecoveryStart(ANDINA, SOMEBODY_ELSE, "192.0.2." + attempt)).isEmpty();
        }
        for (int attempt = 0; attempt < limits.recoveryStartPerEmployer().max(); attempt++) {
            assertThat(throttle.beforeRecoveryStart(ANDINA, REPRESENTATIVE, "198.51.100." + attempt)).isEmpty();
        }

        assertThat(throttle.beforeRecoveryStart(ANDINA, REPRESENTATIVE, "198.51.100.99"))
                .hasValueSatisfying(wait -> assertThat(wait).isPositive());
    }
}
