package ec.gob.iess.claveempleador.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Adds finished recoveries to a stopped application's database, fast: one completed online recovery is the template,
 * and each history table (every {@code ACT_HI_*} table with a process instance column, and our {@code recovery}
 * table) gets its rows copied {@code count} times by {@code INSERT … SELECT} over {@code SYSTEM_RANGE}: fresh primary
 * keys, the process instance identifiers suffixed so that each copy is an instance of its own, and the recoveries spread
 * over the benchmark employers. The engine keeps
 * no foreign keys between history tables, so the copies are what a real history of that size holds to its indexes.
 */
final class HistoryGenerator {

    // the columns that tell one process instance from another; other references keep the template's values
    private static final Set<String> INSTANCE_IDS = Set.of("PROC_INST_ID_", "PROCESS_INSTANCE_ID_", "ROOT_PROC_INST_ID_", "EXECUTION_ID_",
            "BUSINESS_KEY_", "CALL_PROC_INST_ID_", "SUPER_PROCESS_INSTANCE_ID_");
    // committed in slices, so that no transaction holds millions of rows
    private static final int SLICE = 10_000;

    private HistoryGenerator() {
    }

    /** @return what was added, in words, for the summary */
    static String add(Connection connection, int count) throws SQLException {
        long start = System.nanoTime();
        String template;
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT process_instance_id FROM recovery WHERE status = 'COMPLETED' AND channel = 'ONLINE' LIMIT 1")) {
            if (!row.next()) {
                throw new IllegalStateException("no completed online recovery to copy");
            }
            template = row.getString(1);
        }
        StringBuilder added = new StringBuilder();
        long rows = 0;
        for (String table : historyTables(connection)) {
            List<String> columns = columns(connection, table);
            // the job log names the column differently
            String instance = columns.contains("PROC_INST_ID_") ? "PROC_INST_ID_" : "PROCESS_INSTANCE_ID_";
            if (!columns.contains(instance)) {
                continue;
            }
            List<String> values = columns.stream().map(c -> c.equals("ID_") ? "CAST(RANDOM_UUID() AS VARCHAR(36))"
                    : INSTANCE_IDS.contains(c) ? "CASE WHEN t." + c + " IS NULL THEN NULL ELSE CONCAT(t." + c + ", '-h', r.X) END" : "t." + c).toList();
            rows += insert(connection, "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values)
                    + " FROM " + table + " t, SYSTEM_RANGE(?, ?) r WHERE t." + instance + " = ?", template, count);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE benchmark_employer_n AS SELECT ruc, sucursal, ROW_NUMBER() OVER (ORDER BY ruc) - 1 AS n FROM employer");
            statement.execute("CREATE INDEX ix_benchmark_employer_n ON benchmark_employer_n (n)");
        }
        List<String> columns = columns(connection, "RECOVERY");
        List<String> values = columns.stream().map(c -> switch (c) {
            case "ID" -> "CAST(RANDOM_UUID() AS VARCHAR(36))";
            case "PROCESS_INSTANCE_ID" -> "CONCAT(t.PROCESS_INSTANCE_ID, '-h', r.X)";
            case "RUC" -> "(SELECT e.ruc FROM benchmark_employer_n e WHERE e.n = MOD(r.X, (SELECT COUNT(*) FROM benchmark_employer_n)))";
            case "LINK_TOKEN_HASH", "CASE_NUMBER" -> "NULL";
            default -> "t." + c;
        }).toList();
        rows += insert(connection, "INSERT INTO recovery (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values)
                + " FROM recovery t, SYSTEM_RANGE(?, ?) r WHERE t.PROCESS_INSTANCE_ID = ?", template, count);
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE benchmark_employer_n");
        }
        added.append(String.format(Locale.ROOT, "Added %,d finished recoveries (%,d rows over the ACT_HI_* tables and `recovery`, copies of "
                + "one completed online recovery) in %.0f s, with the application stopped.", count, rows, (System.nanoTime() - start) / 1e9));
        return added.toString();
    }

    private static long insert(Connection connection, String sql, String template, int count) throws SQLException {
        long rows = 0;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int from = 1; from <= count; from += SLICE) {
                insert.setInt(1, from);
                insert.setInt(2, Math.min(count, from + SLICE - 1));
                insert.setString(3, template);
                rows += insert.executeUpdate();
            }
        }
        return rows;
    }

    private static List<String> historyTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' "
                     + "AND TABLE_NAME LIKE 'ACT\\_HI\\_%' ORDER BY TABLE_NAME")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }
}
