package ec.gob.iess.claveempleador.benchmark;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Does a large history slow the employer down? The API and portal journeys at 8 concurrent employers on a fresh
 * database, then again after the application was stopped and 100,000 finished recoveries were added to its history
 * (see {@link HistoryGenerator}) and it was started again (with the same warm-up).
 * Run: {@code ./mvnw -Pbenchmark verify -Dbenchmark.simulation=ec.gob.iess.claveempleador.benchmark.HistoryAtScaleSimulation}.
 */
public class HistoryAtScaleSimulation extends Simulation {

    private static final int FINISHED = Integer.getInteger("benchmark.history-size", 100_000);
    private static final Duration PHASE = Duration.ofSeconds(Long.getLong("benchmark.phase-seconds", 25));
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.warm-up-seconds", 20));
    private static final Path JAR = Path.of(System.getProperty("benchmark.jar", "target/clave-empleador-0.1.0-SNAPSHOT.jar"));
    private static final String EMPTY = "empty history";
    private static final String FULL = String.format(Locale.ROOT, "%,d finished", FINISHED);

    private final BenchmarkServer server = BenchmarkServer.start(JAR, 5000, Map.of());
    private final Results results = new Results();
    private final Journeys journeys = new Journeys(server, results);
    private volatile CompletableFuture<Void> restart;
    private volatile String generated = "";

    {
        PopulationBuilder chain = journeys.api("warm-up API", 8, WARM_UP)
                .andThen(journeys.portal("warm-up portal", 8, WARM_UP))
                .andThen(journeys.api("API, " + EMPTY, 8, PHASE))
                .andThen(journeys.portal("portal, " + EMPTY, 8, PHASE))
                .andThen(scenario("add history").exec(session -> {
                    restart = CompletableFuture.runAsync(() -> server.restart(connection -> generated = HistoryGenerator.add(connection, server.database, FINISHED)));
                    return session;
                }).asLongAs(session -> !restart.isDone()).on(pause(Duration.ofSeconds(1)))
                        .exec(session -> {
                            restart.join();
                            return session;
                        }).injectOpen(atOnceUsers(1)))
                .andThen(journeys.api("warm-up API again", 8, WARM_UP))
                .andThen(journeys.portal("warm-up portal again", 8, WARM_UP))
                .andThen(journeys.api("API, " + FULL, 8, PHASE))
                .andThen(journeys.portal("portal, " + FULL, 8, PHASE));
        setUp(chain).protocols(Journeys.browser(server.baseUrl())).assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void after() {
        String database = server.database.description();
        server.close();
        StringBuilder out = new StringBuilder("## History at scale\n\nDatabase: ").append(database).append(".\n\n").append(generated).append("\n\n");
        out.append("| journey @8 | step | p50 / p95 / p99 ms, ").append(EMPTY).append(" | p50 / p95 / p99 ms, ").append(FULL)
                .append(" | p99 ratio | errors |\n|---|---|---|---|---|---|\n");
        for (String journey : List.of("API", "portal")) {
            Results.Phase empty = results.phase(journey + ", " + EMPTY + " @8");
            Results.Phase full = results.phase(journey + ", " + FULL + " @8");
            Map<String, List<Double>> before = empty.stepsCopy();
            Map<String, List<Double>> after = full.stepsCopy();
            before.forEach((step, values) -> {
                List<Double> then = after.getOrDefault(step, List.of());
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f | %d / %d |%n", journey, step, triple(values), triple(then),
                        Results.percentile(then, 0.99) / Results.percentile(values, 0.99), empty.errors.get(), full.errors.get()));
            });
            out.append(String.format(Locale.ROOT, "| %s | whole flow (server steps), flows/s %.1f → %.1f | %s | %s | %.2f | |%n", journey,
                    empty.flowsPerSecond(), full.flowsPerSecond(), triple(empty.serverFlows), triple(full.serverFlows),
                    Results.percentile(full.serverFlows, 0.99) / Results.percentile(empty.serverFlows, 0.99)));
        }
        profiles(out);
        write(out.toString(), "history-summary.md");
    }

    /** What the server did during the portal phase on each history, side by side (JFR, by component). */
    private void profiles(StringBuilder out) {
        if (!BenchmarkServer.recordsJfr()) {
            return;
        }
        try {
            JfrProfile empty = profile(server.jfrFile("before-restart"), results.phase("portal, " + EMPTY + " @8"));
            JfrProfile full = profile(server.jfrFile(), results.phase("portal, " + FULL + " @8"));
            out.append(String.format(Locale.ROOT, "%n| JFR, portal @8 (share of Java samples) | %s (%d samples) | %s (%d samples) |%n|---|---|---|%n",
                    EMPTY, empty.javaSamples(), FULL, full.javaSamples()));
            Set<String> components = new TreeSet<>(empty.byComponent().keySet());
            components.addAll(full.byComponent().keySet());
            components.stream().sorted(Comparator.comparing((String c) -> -full.byComponent().getOrDefault(c, 0)))
                    .forEach(c -> out.append(String.format(Locale.ROOT, "| %s | %.1f %% | %.1f %% |%n", c,
                            100.0 * empty.byComponent().getOrDefault(c, 0) / Math.max(1, empty.javaSamples()),
                            100.0 * full.byComponent().getOrDefault(c, 0) / Math.max(1, full.javaSamples()))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JfrProfile profile(Path recording, Results.Phase phase) throws IOException {
        return JfrProfile.read(recording, Instant.ofEpochMilli(phase.firstStartMillis.get()),
                Instant.ofEpochMilli(phase.lastEndMillis.get()));
    }

    static void write(String summary, String name) {
        try {
            Path file = Path.of("target", "benchmark", name);
            Files.writeString(file, summary);
            // the summary is this command's answer: print it where the one who ran it is looking
            System.out.println("\n" + summary + "\n(written to " + file.toAbsolutePath() + ")");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String triple(List<Double> values) {
        return String.format(Locale.ROOT, "%.0f / %.0f / %.0f", Results.percentile(values, 0.5), Results.percentile(values, 0.95),
                Results.percentile(values, 0.99));
    }
}
