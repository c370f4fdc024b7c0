package ec.gob.iess.claveempleador.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ec.gob.iess.claveempleador.ClaveEmpleadorApplication;

/**
 * The application in a real child JVM, for what a Spring test context cannot show: {@code kill -9} right
 * after an answer, a restart on the same database, a second node that really dies. The child runs from the
 * test's own class path (Surefire's booter jar carries it in its manifest), so no jar has to be built.
 */
public final class AppProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Path LOGS = Path.of("target", "app-logs");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the application with these Spring properties (as {@code --key=value}) on a free port, in
     * {@code workDir} (where a relative H2 path lands), and waits until its health endpoint answers.
     */
    public static AppProcess start(Path workDir, Map<String, String> properties) {
        int port = freePort();
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(LOGS);
            // Under target/, not in the build output nor in workDir (a temporary directory): kept for reading after a run.
            Path log = Files.createTempFile(LOGS, "app-", ".log").toAbsolutePath();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:TieredStopAtLevel=1",
                    // the child reads the tests' logback-test.xml too: its console is its log file, so keep INFO there
                    "-Dclave.test.console-level=INFO", "-Dclave.test.log-file=" + workDir.toAbsolutePath().resolve("app-file.log"),
                    "-cp", System.getProperty("java.class.path"),
                    ClaveEmpleadorApplication.class.getName(),
                    "--server.port=" + port));
            properties.forEach((key, value) -> command.add("--" + key + "=" + value));
            Process process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            AppProcess app = new AppProcess(process, port, log);
            app.awaitHealthy();
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** What the child printed so far (its log), for assertions and for a failing test's message. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code kill -9}: no shutdown hook, no flush, no goodbye. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            awaitExit();
        }
    }

    private void awaitExit() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitHealthy() {
        try {
            await().atMost(STARTUP).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the application exited during startup:\n" + output());
                }
                return healthAnswers();
            });
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private boolean healthAnswers() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() < 500 || response.statusCode() == 503;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
