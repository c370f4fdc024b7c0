package ec.gob.iess.claveempleador.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A guesser cannot keep staff out: every wrong password only delays the user's next sign-in, the delay grows
 * up to a minute, and no number of wrong passwords locks the account. The engine's clock is moved past each
 * delay instead of waiting for it (the delays are the configured ones, as in prod).
 */
@StaffWebTest
class StaffLoginDelayTest {

    /** The engine's default `login-max-attempts`: this many wrong passwords used to lock an account for good. */
    private static final int OLD_MAXIMUM = 10;
    private static final Duration LONGEST_DELAY = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;

    private long clockOffset;

    @AfterEach
    void resetClockAndLock() {
        ClockUtil.reset();
        identity.unlockUser("agente");
    }

    @Test
    void moreWrongPasswordsThanTheOldMaximumOnlyDelayTheRightOne() {
        List<Long> delays = new ArrayList<>();
        for (int attempt = 1; attempt <= OLD_MAXIMUM + 5; attempt++) {
            assertThat(identity.checkPassword("agente", "not the password")).isFalse();
            Duration delay = Duration.between(ClockUtil.getCurrentTime().toInstant(), lockedUntil());
            delays.add(Math.round(delay.toMillis() / 1000.0));
            moveEngineClock(delay.plusSeconds(1));
        }
        assertThat(delays).startsWith(3L, 6L, 12L, 24L, 48L, 60L).allMatch(seconds -> seconds <= LONGEST_DELAY.toSeconds());
        assertThat(jdbc.sql("SELECT ATTEMPTS_ FROM ACT_ID_USER WHERE ID_ = 'agente'").query(Integer.class).single())
                .isGreaterThan(OLD_MAXIMUM);

        assertThat(identity.checkPassword("agente", "not the password")).isFalse();
        assertThat(identity.checkPassword("agente", "agente")).as("right password during the delay").isFalse();
        moveEngineClock(LONGEST_DELAY.plusSeconds(1));

        assertThat(StaffHttp.as(port, "agente").engineRest("GET", "/task", null).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT ATTEMPTS_ FROM ACT_ID_USER WHERE ID_ = 'agente'").query(Integer.class).single()).isZero();
    }

    private Instant lockedUntil() {
        return jdbc.sql("SELECT LOCK_EXP_TIME_ FROM ACT_ID_USER WHERE ID_ = 'agente'").query(java.sql.Timestamp.class).single().toInstant();
    }

    private void moveEngineClock(Duration by) {
        clockOffset += by.toMillis();
        ClockUtil.offset(clockOffset);
    }
}
