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
 * table) gets its rows copied {@code count} times by {@code INSERT … SELECT} over a range of numbers: fresh primary
 * keys, the process instance identifiers suffixed so that each copy is an instance of its own, and the recoveries spread
 * over the benchmark employers. The engine keeps no foreign keys between history tables, so the copies are what a real
 * history of that size holds to its indexes; those are dropped while a table is filled and built again after it. Table
 * and column names are used in upper case without quotes, which H2 and PostgreSQL both resolve.
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
    static String add(Connection connection, BenchmarkDatabase database, int count) throws SQLException {
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
            // copies of one template row get neighbouring keys (the UUID that ends every engine id, then the copy's number in
            // fixed width, 45 characters): each slice appends at one place of the primary key instead of random pages
            List<String> values = columns.stream().map(c -> c.equals("ID_") ? "CONCAT(RIGHT(t.ID_, 36), '-h', LPAD(CAST(r.X AS VARCHAR), 7, '0'))"
                    : INSTANCE_IDS.contains(c) ? "CASE WHEN t." + c + " IS NULL THEN NULL ELSE CONCAT(t." + c + ", '-h', r.X) END" : "t." + c).toList();
            // the template's rows apart, so that the copies can be made without the indexes and the indexes built once at
            // the end (sorted, about five times faster than millions of inserts into each of them)
            try (PreparedStatement copy = connection.prepareStatement("CREATE TABLE benchmark_template AS SELECT * FROM " + table
                    + " WHERE " + instance + " = ?")) {
                copy.setString(1, template);
                copy.execute();
            }
            List<String[]> indexes = database.secondaryIndexes(connection, table);
            try (Statement statement = connection.createStatement()) {
                for (String[] index : indexes) {
                    statement.execute(index[0]);
                }
            }
            rows += insert(connection, "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values)
                    + " FROM benchmark_template t, " + database.range(), count);
            try (Statement statement = connection.createStatement()) {
                for (String[] index : indexes) {
                    statement.execute(index[1]);
                }
                statement.execute("DROP TABLE benchmark_template");
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE benchmark_employer_n AS SELECT ruc, sucursal, ROW_NUMBER() OVER (ORDER BY ruc) - 1 AS n FROM employer");
            statement.execute("CREATE INDEX ix_benchmark_employer_n ON benchmark_employer_n (n)");
        }
        List<String> columns = columns(connection, "RECOVERY");
        List<String> values = columns.stream().map(c -> switch (c) {
            case "ID" -> "CAST(" + database.randomUuid() + " AS VARCHAR(36))";
            case "PROCESS_INSTANCE_ID" -> "CONCAT(t.PROCESS_INSTANCE_ID, '-h', r.X)";
            case "RUC" -> "(SELECT e.ruc FROM benchmark_employer_n e WHERE e.n = MOD(r.X, (SELECT COUNT(*) FROM benchmark_employer_n)))";
            case "LINK_TOKEN_HASH", "CASE_NUMBER" -> "NULL";
            default -> "t." + c;
        }).toList();
        rows += insert(connection, "INSERT INTO recovery (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values)
                + " FROM recovery t, " + database.range() + " WHERE t.PROCESS_INSTANCE_ID = ?", count, template);
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE benchmark_employer_n");
            database.analyze(statement);
        }
        added.append(String.format(Locale.ROOT, "Added %,d finished recoveries (%,d rows over the ACT_HI_* tables and `recovery`, copies of "
                + "one completed online recovery) in %.0f s, with the application stopped.", count, rows, (System.nanoTime() - start) / 1e9));
        return added.toString();
    }

    /** Runs {@code sql} once per slice of copies: its first two parameters are the slice's range, then {@code more}. */
    private static long insert(Connection connection, String sql, int count, String... more) throws SQLException {
        long rows = 0;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int from = 1; from <= count; from += SLICE) {
                insert.setInt(1, from);
                insert.setInt(2, Math.min(count, from + SLICE - 1));
                for (int i = 0; i < more.length; i++) {
                    insert.setString(3 + i, more[i]);
                }
                rows += insert.executeUpdate();
            }
        }
        return rows;
    }

    private static List<String> historyTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT UPPER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA "
                     + "AND UPPER(TABLE_NAME) LIKE 'ACT\\_HI\\_%' ORDER BY 1")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT UPPER(COLUMN_NAME) FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND UPPER(TABLE_NAME) = ? ORDER BY ORDINAL_POSITION")) {
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
