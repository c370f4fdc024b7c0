package ec.gob.iess.claveempleador.benchmark;

import static io.gatling.javaapi.core.CoreDsl.global;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * The recovery journey on the built jar, as employers go through it: the portal pages as a browser does (one cookie
 * jar per employer, CSRF tokens from the forms, the code and the link read from the mail) and the public API, each at
 * 1, 8 and 32 concurrent employers (closed model: a new employer starts as soon as one finishes); beside them, in the
 * same run, the Argon2id floor and a minimal process (start → message → end) on the same engine and database.
 * Run: {@code ./mvnw -Pbenchmark verify}; the summary is printed and written to target/benchmark/summary.md,
 * its chart to target/benchmark/summary.svg.
 */
public class RecoveryJourneySimulation extends Simulation {

    private static final int[] LEVELS = Arrays.stream(System.getProperty("benchmark.levels", "1,8,32").split(","))
            .mapToInt(Integer::parseInt).toArray();
    private static final Duration PHASE = Duration.ofSeconds(Long.getLong("benchmark.phase-seconds", 30));
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.warm-up-seconds", 30));
    private static final Path JAR = Path.of(System.getProperty("benchmark.jar", "target/clave-empleador-0.1.0-SNAPSHOT.jar"));

    private final BenchmarkServer server = BenchmarkServer.start(JAR, 5000, Map.of());
    private final Results results = new Results();
    private final Journeys journeys = new Journeys(server, results);
    private final List<Argon2Floor> floors = new ArrayList<>();

    {
        List<PopulationBuilder> phases = new ArrayList<>();
        phases.add(journeys.portal("warm-up portal", 8, WARM_UP));
        phases.add(journeys.api("warm-up API", 8, WARM_UP.dividedBy(2)));
        phases.add(journeys.minimal("warm-up minimal process", 8, WARM_UP.dividedBy(3)));
        for (int level : LEVELS) {
            phases.add(journeys.portal("portal", level, PHASE));
        }
        for (int level : LEVELS) {
            phases.add(journeys.api("API", level, PHASE.dividedBy(2)));
        }
        phases.add(journeys.minimal("minimal process", 1, PHASE.dividedBy(2)));
        phases.add(journeys.minimal("minimal process", 8, PHASE.dividedBy(2)));
        PopulationBuilder chain = phases.get(0);
        for (PopulationBuilder next : phases.subList(1, phases.size())) {
            chain = chain.andThen(next);
        }
        // an error anywhere fails the command: zero is the bar, not a figure to read past
        setUp(chain).protocols(Journeys.browser(server.baseUrl())).assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        try {
            floors.add(Argon2Floor.libargon2(40));
            floors.add(Argon2Floor.bouncyCastle(20));
            MinimalProcess.deploy(server.baseUrl());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void after() {
        server.close();
        try {
            Summary report = new Summary(results, server, floors);
            String summary = report.markdown();
            Path file = Path.of("target", "benchmark", "summary.md");
            Files.writeString(file, summary);
            Files.writeString(file.resolveSibling("summary.svg"), report.chart());
            // the summary is this command's answer: print it where the one who ran it is looking
            System.out.println("\n" + summary + "\n(written to " + file.toAbsolutePath() + ")");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
