package ec.gob.iess.claveempleador.portal;

import static org.assertj.core.api.Assertions.assertThat;

import ec.gob.iess.claveempleador.identity.EmployerKey;
import ec.gob.iess.claveempleador.ratelimit.RateLimitProperties;
import ec.gob.iess.claveempleador.support.ClaveSpringBootTest;
import ec.gob.iess.claveempleador.support.DemoData;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The pages count against the same database limits as the API. */
@ClaveSpringBootTest
class PortalThrottleTest {

    private static final EmployerKey ANDINA = EmployerKey.of("1790012344001", "0001");

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
    void signInsPastThePerEmployerLimitMustWait() {
        for (int attempt = 0; attempt < limits.signInPerEmployer().max(); attempt++) {
            assertThat(throttle.beforeSignIn(ANDINA, "192.0.2.1")).isEmpty();
        }

        assertThat(throttle.beforeSignIn(ANDINA, "192.0.2.2")).hasValueSatisfying(wait -> assertThat(wait).isPositive());
        assertThat(throttle.beforeSignIn(EmployerKey.of("1704567898001", "0001"), "192.0.2.2")).isEmpty();
    }

    @Test
    void recoveryStartsPastThePerEmployerLimitMustWait() {
        for (int attempt = 0; attempt < limits.recoveryStartPerEmployer().max(); attempt++) {
            assertThat(throttle.beforeRecoveryStart(ANDINA, "192.0.2." + attempt)).isEmpty();
        }

        assertThat(throttle.beforeRecoveryStart(ANDINA, "192.0.2.99")).isPresent();
    }
}
