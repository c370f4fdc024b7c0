package ec.gob.iess.claveempleador.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * On PostgreSQL (prod) the audit trail is append-only in the database itself: whatever statement reaches it, a row
 * is never changed, and only the retention purge's deletes of rows older than the retention go through. The schema
 * is made by the application's own Flyway migrations (as the prod profile runs them); the purge is the application's.
 */
class AppendOnlyAuditTrailOnPostgresTest {

    private static final Duration RETENTION = Duration.ofDays(180);

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static JdbcClient jdbc;

    @BeforeAll
    static void migrate() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void noRetentionRunYet() {
        jdbc.sql("UPDATE retention_purge SET last_run_at = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00:00'").update();
    }

    @Test
    void aRecordedStepCanBeNeitherChangedNorDeletedNorTruncated() {
        long id = insert(Instant.now(), "recent");

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'demo' WHERE id = ?").param(id).update())
                .rootCause().hasMessageContaining("audit_event is append-only: UPDATE refused");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(id).update())
                .rootCause().hasMessageContaining("younger than the retention");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update())
                .rootCause().hasMessageContaining("audit_event is append-only: TRUNCATE refused");

        assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE id = ?").param(id).query(String.class).single()).isEqualTo("employer");
    }

    @Test
    void theRetentionPurgeDeletesOnlyRowsOlderThanTheRetention() {
        Instant now = Instant.now();
        long old = insert(now.minus(RETENTION).minus(Duration.ofDays(1)), "old");
        long recent = insert(now.minus(RETENTION).plus(Duration.ofDays(1)), "recent-enough");
        RetentionPurge purge = new RetentionPurge(jdbc, new DataSourceTransactionManager(dataSource),
                new RetentionProperties(Duration.ofDays(180), Duration.ofDays(1), RETENTION, "-"), Clock.fixed(now, ZoneOffset.UTC));

        assertThat(purge.purge()).hasValueSatisfying(purged -> assertThat(purged.auditEvents()).isEqualTo(1));

        assertThat(jdbc.sql("SELECT id FROM audit_event WHERE id IN (?, ?)").params(old, recent).query(Long.class).list())
                .containsExactly(recent);
    }

    @Test
    void aShorterRetentionWrittenByHandStillKeepsTheLastDay() {
        long yesterdayMorning = insert(Instant.now().minus(Duration.ofHours(20)), "yesterday");
        jdbc.sql("UPDATE audit_retention SET keep_days = 0").update();
        try {
            assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(yesterdayMorning).update())
                    .rootCause().hasMessageContaining("younger than the retention");
        } finally {
            jdbc.sql("UPDATE audit_retention SET keep_days = ?").param(RETENTION.toDays()).update();
        }
    }

    private static long insert(Instant at, String recoveryId) {
        return jdbc.sql("""
                        INSERT INTO audit_event (occurred_at, recovery_id, ruc, sucursal, event, actor)
                        VALUES (?, ?, '1790012344001', '0001', 'STARTED', 'employer') RETURNING id""")
                .params(Timestamp.from(at), recoveryId)
                .query(Long.class)
                .single();
    }
}
