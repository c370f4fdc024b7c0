package ec.gob.iess.claveempleador.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The write probe on a real H2 file database with the application's migrations, writable and then read-only. */
class DatabaseWriteHealthIndicatorTest {

    @TempDir
    Path data;

    @Test
    void aDatabaseThatTakesWritesIsUpAndTheSameDatabaseReadOnlyIsDown() {
        String url = "jdbc:h2:file:" + data.resolve("clave").toAbsolutePath();
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();

        assertThat(new DatabaseWriteHealthIndicator(dataSource(url), Clock.systemUTC()).health().getStatus()).isEqualTo(Status.UP);

        // Reads still work here (Boot's own check passes): only a write shows the difference.
        DatabaseWriteHealthIndicator readOnly = new DatabaseWriteHealthIndicator(dataSource(url + ";ACCESS_MODE_DATA=r"), Clock.systemUTC());
        assertThat(readOnly.health().getStatus()).isEqualTo(Status.DOWN);
    }

    private static SimpleDriverDataSource dataSource(String url) {
        return new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "");
    }
}
