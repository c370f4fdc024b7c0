package ec.gob.iess.claveempleador.config;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Lowers the engine's recorded history level from {@code full} to {@code audit} on a database the engine created
 * before {@code camunda.bpm.history-level} became {@code audit}: the engine refuses to start when its configuration
 * and the level recorded in {@code ACT_GE_PROPERTY} differ. History already written stays as it is. On a fresh
 * database Flyway runs before the engine creates its tables, so there is nothing to change and the engine records
 * the configured level itself.
 */
@Component
class EngineHistoryLevelMigration implements JavaMigration {

    private static final int FULL = 3;
    private static final int AUDIT = 2;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("4.5");
    }

    @Override
    public String getDescription() {
        return "engine history level audit";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!engineTablesExist(connection.getMetaData())) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE ACT_GE_PROPERTY SET VALUE_ = ? WHERE NAME_ = 'historyLevel' AND VALUE_ = ?")) {
            update.setString(1, String.valueOf(AUDIT));
            update.setString(2, String.valueOf(FULL));
            update.executeUpdate();
        }
    }

    private static boolean engineTablesExist(DatabaseMetaData metaData) throws SQLException {
        for (String name : new String[] {"ACT_GE_PROPERTY", "act_ge_property"}) {
            try (ResultSet tables = metaData.getTables(null, null, name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
