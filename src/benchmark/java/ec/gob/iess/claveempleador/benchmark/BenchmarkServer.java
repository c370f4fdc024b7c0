package ec.gob.iess.claveempleador.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The built jar in a child JVM, as an operator runs it (prod profile, the README's JVM options), on a fresh database (an
 * H2 file or PostgreSQL: {@link BenchmarkDatabase}), with benchmark employers seeded through a Flyway location only the
 * benchmark adds, rate limits raised, and a loopback SMTP server (GreenMail, in this JVM) whose mailboxes the simulation reads. A sampler
 * reads the child's CPU time and memory from /proc so that each phase gets its own CPU per flow and RSS.
 */
final class BenchmarkServer implements AutoCloseable {

    /**
     * The README's options for running the jar: the serial collector for 2 cores and a small RSS; a 256 MiB heap, twice
     * what is live after a full collection under load (about 130 MiB), since the heap the collector once grew stays resident;
     * C1 only: C2 spent a sixth of the CPU of a run compiling, on the cores the requests need, and its code and arenas
     * were resident memory; with C1 alone a journey took less CPU, not more.
     */
    static final String DEFAULT_JVM_OPTIONS = "-Xmx256m -Xms96m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
    /**
     * The README's environment for the jar: glibc keeps up to 8 malloc arenas per core, each holding on to the 19 MiB
     * matrices libargon2 freed on that thread; two arenas are enough for two hashing threads.
     */
    static final Map<String, String> DEFAULT_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");
    static final String ADMIN = "benchadmin";
    static final String ADMIN_PASSWORD = "bench-admin-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
    private static final long CLOCK_TICKS_PER_SECOND = 100;
    private static final List<String> RATE_LIMITS = List.of("recovery-start-per-employer", "recovery-start-per-client",
            "otp-attempt-per-client", "link-lookup-per-client", "sign-in-per-employer", "sign-in-per-client");

    final Path workDir;
    final GreenMail mail;
    final Mailbox mailbox;
    final int port;
    final Employers employers;
    final BenchmarkDatabase database;
    private final List<String> command;
    private final String hmacKey;
    private volatile Process process;
    private volatile boolean closed;
    private final Thread sampler;
    private long peakRssKib;
    /** nanoTime → [process CPU ns, VmRSS KiB] */
    private final ConcurrentSkipListMap<Long, long[]> samples = new ConcurrentSkipListMap<>();
    /** nanoTime → CPU ns per thread kind */
    private final ConcurrentSkipListMap<Long, Map<String, Long>> threadSamples = new ConcurrentSkipListMap<>();

    private BenchmarkServer(Path workDir, GreenMail mail, BenchmarkDatabase database, int port, List<String> command, String hmacKey,
                            Employers employers) {
        this.workDir = workDir;
        this.database = database;
        this.mail = mail;
        this.mailbox = new Mailbox(mail);
        this.port = port;
        this.command = List.copyOf(command);
        this.hmacKey = hmacKey;
        this.employers = employers;
        try {
            this.process = launch();
        } catch (RuntimeException e) {
            mail.stop();
            database.close();
            throw e;
        }
        this.sampler = new Thread(this::sample, "proc-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** The child's JVM options: the README's ({@code -Dbenchmark.jvm-options}), plus a JFR recording with {@code -Dbenchmark.jfr=true}. */
    static List<String> jvmOptions() {
        // Gatling's plugin hands a value with spaces over in quotes: take them off
        return List.of(System.getProperty("benchmark.jvm-options", DEFAULT_JVM_OPTIONS).replace("\"", "").trim().split("\\s+"));
    }

    Path jfrFile() {
        return workDir.resolve("app.jfr");
    }

    static boolean recordsJfr() {
        return Boolean.parseBoolean(System.getProperty("benchmark.jfr", "false"));
    }

    /** @param properties extra Spring properties for this benchmark (e.g. a short window) */
    static BenchmarkServer start(Path jar, int employerCount, Map<String, String> properties) {
        try {
            Path workDir = Files.createDirectories(Path.of("target", "benchmark")).resolve("run-" + System.currentTimeMillis()).toAbsolutePath();
            Files.createDirectories(workDir.resolve("seed"));
            Employers employers = Employers.generate(employerCount);
            Files.writeString(workDir.resolve("seed").resolve("V900__benchmark_employers.sql"), employers.migration(), StandardCharsets.UTF_8);

            int smtpPort = freePort();
            GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();

            BenchmarkDatabase database = BenchmarkDatabase.create(workDir);
            int port = freePort();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions());
            if (recordsJfr()) {
                command.add("-XX:StartFlightRecording=filename=" + workDir.resolve("app.jfr") + ",settings=profile,dumponexit=true");
            }
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString(),
                    "--spring.profiles.active=prod",
                    "--server.port=" + port));
            command.addAll(database.applicationArguments());
            command.addAll(List.of("--spring.mail.host=127.0.0.1",
                    "--spring.mail.port=" + smtpPort,
                    "--spring.flyway.locations=classpath:db/migration,classpath:db/vendor/{vendor},filesystem:" + workDir.resolve("seed"),
                    "--clave.public-base-url=http://127.0.0.1:" + port,
                    "--camunda.bpm.admin-user.id=" + ADMIN,
                    "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD));
            for (String limit : RATE_LIMITS) {
                command.add("--clave.rate-limit." + limit + ".max=100000000");
            }
            properties.forEach((key, value) -> command.add("--" + key + "=" + value));
            String hmacKey = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
            return new BenchmarkServer(workDir, mail, database, port, command, hmacKey, employers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Process launch() {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("app.log").toFile()));
            builder.environment().putAll(DEFAULT_ENVIRONMENT);
            builder.environment().put("CLAVE_SECURITY_HMAC_KEY", hmacKey);
            Process started = builder.start();
            awaitHealthy(started, port, workDir);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the application (gracefully), runs {@code whileStopped} on its database, and starts it again on the same port. */
    void restart(ThrowingConsumer<Connection> whileStopped) {
        stopProcess();
        keepRecording("before-restart");
        try (Connection connection = database.connect()) {
            whileStopped.accept(connection);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        process = launch();
    }

    /** Moves the stopped application's JFR recording aside, since the next start records to the same file. */
    private void keepRecording(String suffix) {
        try {
            if (Files.exists(jfrFile())) {
                Files.move(jfrFile(), workDir.resolve("app-" + suffix + ".jfr"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path jfrFile(String suffix) {
        return workDir.resolve("app-" + suffix + ".jfr");
    }

    /** Reads the database after the application stopped (an H2 file takes one process at a time). */
    <T> T afterStop(ThrowingFunction<Connection, T> query) {
        stopProcess();
        try (Connection connection = database.connect()) {
            return query.apply(connection);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    interface ThrowingConsumer<T> {
        void accept(T value) throws Exception;
    }

    interface ThrowingFunction<T, R> {
        R apply(T value) throws Exception;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** CPU time (ns) the child and the database's own processes used between two instants of {@link System#nanoTime()}, from the sampler's readings. */
    long cpuNanosBetween(long fromNanos, long toNanos) {
        return at(fromNanos, toNanos).cpu;
    }

    /** The highest VmRSS (MiB) the sampler saw between two instants. */
    double maxRssMibBetween(long fromNanos, long toNanos) {
        return samples.subMap(fromNanos, true, toNanos, true).values().stream().mapToLong(s -> s[1]).max().orElse(0) / 1024.0;
    }

    /** CPU (ns) per kind of thread between two instants. */
    Map<String, Long> threadCpuBetween(long fromNanos, long toNanos) {
        Map.Entry<Long, Map<String, Long>> from = threadSamples.ceilingEntry(fromNanos);
        Map.Entry<Long, Map<String, Long>> to = threadSamples.floorEntry(toNanos);
        Map<String, Long> result = new TreeMap<>();
        if (from == null || to == null || to.getKey() <= from.getKey()) {
            return result;
        }
        to.getValue().forEach((kind, cpu) -> result.put(kind, cpu - from.getValue().getOrDefault(kind, 0L)));
        return result;
    }

    /** VmHWM: the child's peak resident memory over its life (MiB), as read just before it was stopped. */
    double peakRssMib() {
        return peakRssKib / 1024.0;
    }

    private record Window(long cpu) {
    }

    private Window at(long fromNanos, long toNanos) {
        Map.Entry<Long, long[]> from = samples.floorEntry(fromNanos);
        Map.Entry<Long, long[]> to = samples.ceilingEntry(toNanos);
        if (from == null) {
            from = samples.firstEntry();
        }
        if (to == null) {
            to = samples.lastEntry();
        }
        return new Window(to.getValue()[0] - from.getValue()[0]);
    }

    private void sample() {
        while (!closed) {
            try {
                if (!process.isAlive()) {
                    Thread.sleep(200);
                    continue;
                }
                long now = System.nanoTime();
                long databaseCpu = database.cpuNanos();
                samples.put(now, new long[] {processCpuNanos() + databaseCpu, statusKib("VmRSS:")});
                Map<String, Long> byKind = threadCpuByKind();
                if (databaseCpu > 0) {
                    byKind.put("PostgreSQL server processes", databaseCpu);
                }
                threadSamples.put(now, byKind);
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // the child is exiting; the last readings stand
            }
        }
    }

    private long processCpuNanos() throws IOException {
        return cpuOf(Files.readString(Path.of("/proc", Long.toString(pid()), "stat")));
    }

    private Map<String, Long> threadCpuByKind() throws IOException {
        Map<String, Long> byKind = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid()), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    byKind.merge(ThreadKinds.of(name), cpuOf(stat), Long::sum);
                } catch (IOException e) {
                    // the thread ended between listing and reading
                }
            }
        }
        return byKind;
    }

    /** utime + stime (fields 14 and 15 of /proc/…/stat, counted after the command name) in ns. */
    private static long cpuOf(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return TimeUnit.SECONDS.toNanos(ticks) / CLOCK_TICKS_PER_SECOND;
    }

    private long statusKib(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    @Override
    public void close() {
        stopProcess();
        closed = true;
        sampler.interrupt();
        mail.stop();
        database.close();
    }

    private void stopProcess() {
        if (!process.isAlive()) {
            return;
        }
        peakRssKib = Math.max(peakRssKib, statusKib("VmHWM:"));
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitHealthy(Process process, int port, Path workDir) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited during startup; see " + workDir.resolve("app.log"));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the application did not become healthy in 180 s; see " + workDir.resolve("app.log"));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
