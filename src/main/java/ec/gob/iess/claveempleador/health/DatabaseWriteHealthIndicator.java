package ec.gob.iess.claveempleador.health;

import java.sql.Timestamp;
import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether the database takes a write, as every step of a recovery needs: Boot's own check only validates a
 * connection, which a full disk, a read-only database or a lost grant still passes. It updates the one row of
 * {@code health_probe} (its own statement, committed at once) and is DOWN when that fails or hangs.
 */
@Component
class DatabaseWriteHealthIndicator extends AbstractHealthIndicator {

    // A database that hangs on a write is as unusable as one that refuses it.
    private static final int TIMEOUT_SECONDS = 5;

    private final JdbcClient jdbc;
    private final Clock clock;

    DatabaseWriteHealthIndicator(DataSource dataSource, Clock clock) {
        super("The database did not take the health probe's write");
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setQueryTimeout(TIMEOUT_SECONDS);
        this.jdbc = JdbcClient.create(template);
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        int updated = jdbc.sql("UPDATE health_probe SET checked_at = ? WHERE id = 1")
                .param(Timestamp.from(clock.instant()))
                .update();
        if (updated == 1) {
            builder.up();
        } else {
            builder.down().withDetail("reason", "the health_probe row is missing");
        }
    }
}
