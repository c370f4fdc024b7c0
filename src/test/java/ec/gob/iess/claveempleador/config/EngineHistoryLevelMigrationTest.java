package ec.gob.iess.claveempleador.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

/** A database the engine created at history level {@code full} starts again after the level became {@code audit}. */
class EngineHistoryLevelMigrationTest {

    private final EngineHistoryLevelMigration migration = new EngineHistoryLevelMigration();

    @Test
    void anEngineDatabaseRecordedAtFullIsLoweredToAudit() throws SQLException {
        try (Connection db = database()) {
            engineProperty(db, "3");

            migration.migrate(context(db));

            assertThat(historyLevel(db)).isEqualTo("2");
        }
    }

    @Test
    void anotherRecordedLevelIsLeftAsItIs() throws SQLException {
        try (Connection db = database()) {
            engineProperty(db, "1");

            migration.migrate(context(db));

            assertThat(historyLevel(db)).isEqualTo("1");
        }
    }

    @Test
    void aFreshDatabaseWithoutTheEngineTablesIsLeftToTheEngine() throws SQLException {
        try (Connection db = database()) {
            migration.migrate(context(db));

            try (ResultSet tables = db.getMetaData().getTables(null, null, "ACT_GE_PROPERTY", null)) {
                assertThat(tables.next()).isFalse();
            }
        }
    }

    @Test
    void itRunsRightAfterTheMailDeliveryMigration() {
        assertThat(migration.getVersion().getVersion()).isEqualTo("4.5");
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID());
    }

    private static void engineProperty(Connection db, String level) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute("CREATE TABLE ACT_GE_PROPERTY (NAME_ VARCHAR(64) PRIMARY KEY, VALUE_ VARCHAR(300), REV_ INTEGER)");
            statement.execute("INSERT INTO ACT_GE_PROPERTY VALUES ('historyLevel', '" + level + "', 1)");
        }
    }

    private static String historyLevel(Connection db) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'historyLevel'")) {
            row.next();
            return row.getString(1);
        }
    }

    private static Context context(Connection db) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return db;
            }
        };
    }
}
