package ec.gob.iess.claveempleador.benchmark;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * 10,000 recoveries wait for their code, then their windows run out while employers keep using the API: how late
 * does each expiry fire (from the {@code recovery} rows: when the expiry recorded {@code OTP_EXPIRED} minus the code's
 * expiry time, which the window's timer shares; history level audit keeps no job log to read it from), and
 * does the API slow down meanwhile (API journeys at 8 concurrent employers on the idle engine first, then from the
 * first due date until the last timer has had its chance)?
 * Run: {@code ./mvnw -Pbenchmark verify -Dbenchmark.simulation=ec.gob.iess.claveempleador.benchmark.TimersAtScaleSimulation}.
 */
public class TimersAtScaleSimulation extends Simulation {

    private static final int WAITING = Integer.getInteger("benchmark.waiting", 10_000);
    private static final int FILLERS = 16;
    private static final Duration WINDOW = Duration.parse(System.getProperty("benchmark.otp-window", "PT3M"));
    private static final Duration WARM_UP = Duration.ofSeconds(15);
    private static final Duration BASELINE = Duration.ofSeconds(20);
    private static final Path JAR = Path.of(System.getProperty("benchmark.jar", "target/clave-empleador-0.1.0-SNAPSHOT.jar"));
    private static final String BEFORE = "API before the timers fire";
    private static final String WHILE = "API while the timers fire";
    private static final String FILL = "start " + WAITING + " recoveries @" + FILLERS;

    private final BenchmarkServer server = BenchmarkServer.start(JAR, WAITING + 5000, Map.of("clave.recovery.otp-window", WINDOW.toString()));
    private final Results results = new Results();
    private final Journeys journeys = new Journeys(server, results, WAITING);
    private final AtomicInteger nextWaiting = new AtomicInteger();
    private final AtomicLong firstStartMillis = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastStartMillis = new AtomicLong(Long.MIN_VALUE);

    {
        Results.Phase fill = results.phase(FILL);
        PopulationBuilder filling = scenario("fill").repeat(WAITING / FILLERS).on(
                exec(session -> {
                    String ruc = server.employers.ruc(nextWaiting.getAndIncrement());
                    fill.started();
                    return session.set("ruc", ruc);
                }).exec(http("fill start").post("/api/recoveries")
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .body(StringBody("{\"ruc\":\"#{ruc}\",\"sucursal\":\"" + Employers.SUCURSAL + "\",\"representativeId\":\""
                                + Employers.REPRESENTATIVE + "\"}"))
                        .check(status().is(201), responseTimeInMillis().saveAs("rt")))
                        .exec(session -> {
                            if (session.isFailed()) {
                                fill.error();
                                return session.markAsSucceeded();
                            }
                            long now = System.currentTimeMillis();
                            firstStartMillis.accumulateAndGet(now, Math::min);
                            lastStartMillis.accumulateAndGet(now, Math::max);
                            fill.step("POST /api/recoveries (start)", session.getInt("rt"));
                            fill.flow(session.getInt("rt"), session.getInt("rt"));
                            return session;
                        })).injectOpen(atOnceUsers(FILLERS));
        PopulationBuilder warmUp = scenario("warm-up").exec(journeys.apiFlow("warm-up API @8")).injectClosed(constantConcurrentUsers(8).during(WARM_UP));
        PopulationBuilder before = scenario(BEFORE).exec(journeys.apiFlow(BEFORE + " @8")).injectClosed(constantConcurrentUsers(8).during(BASELINE));
        // from the first due date on, employers keep using the API while the timers fire, until the last has had its chance
        PopulationBuilder during = scenario(WHILE)
                .asLongAs(session -> System.currentTimeMillis() < firstDue()).on(pause(Duration.ofMillis(200)))
                .asLongAs(session -> System.currentTimeMillis() < lastStartMillis.get() + WINDOW.toMillis() + 10_000)
                .on(journeys.apiFlow(WHILE + " @8")).injectOpen(atOnceUsers(8));
        setUp(warmUp.andThen(before).andThen(filling).andThen(during)).protocols(Journeys.browser(server.baseUrl()))
                .assertions(global().failedRequests().count().is(0L));
    }

    private long firstDue() {
        return firstStartMillis.get() + WINDOW.toMillis();
    }

    @Override
    public void after() {
        List<Double> lateness = server.afterStop(connection -> {
            List<Double> late = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT " + server.database.millisBetween("otp_expires_at", "updated_at") + " FROM recovery "
                         + "WHERE status = 'OTP_EXPIRED'")) {
                while (rows.next()) {
                    late.add((double) rows.getLong(1));
                }
            }
            return late;
        });
        String database = server.database.description();
        server.close();
        Results.Phase fill = results.phase(FILL);
        Results.Phase before = results.phase(BEFORE + " @8");
        Results.Phase during = results.phase(WHILE + " @8");
        StringBuilder out = new StringBuilder("## Timers at scale\n\nDatabase: ").append(database).append(".\n\n");
        out.append(String.format(Locale.ROOT, "%,d recoveries started through the API by %d clients in %.0f s (start p50 / p95 / p99 %s ms), "
                        + "code window %s.%n%n", fill.flows(), FILLERS, fill.seconds(), HistoryAtScaleSimulation.triple(fill.serverFlows), WINDOW));
        out.append(String.format(Locale.ROOT, "| expiries fired | late p50 | p95 | p99 | max |%n|---|---|---|---|---|%n| %,d | %.1f s | %.1f s | %.1f s | %.1f s |%n%n",
                lateness.size(), seconds(lateness, 0.5), seconds(lateness, 0.95), seconds(lateness, 0.99),
                lateness.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN) / 1000));
        out.append("| API journey @8 | step | p50 / p95 / p99 ms before | p50 / p95 / p99 ms while firing | p99 ratio |\n|---|---|---|---|---|\n");
        Map<String, List<Double>> then = during.stepsCopy();
        before.stepsCopy().forEach((step, values) -> {
            List<Double> now = then.getOrDefault(step, List.of());
            out.append(String.format(Locale.ROOT, "| | %s | %s | %s | %.2f |%n", step, HistoryAtScaleSimulation.triple(values),
                    HistoryAtScaleSimulation.triple(now), Results.percentile(now, 0.99) / Results.percentile(values, 0.99)));
        });
        out.append(String.format(Locale.ROOT, "| | whole flow (server steps); flows %d → %d, errors %d → %d | %s | %s | %.2f |%n", before.flows(), during.flows(),
                before.errors.get(), during.errors.get(), HistoryAtScaleSimulation.triple(before.serverFlows),
                HistoryAtScaleSimulation.triple(during.serverFlows),
                Results.percentile(during.serverFlows, 0.99) / Results.percentile(before.serverFlows, 0.99)));
        HistoryAtScaleSimulation.write(out.toString(), "timers-summary.md");
    }

    private static double seconds(List<Double> millis, double quantile) {
        return Results.percentile(millis, quantile) / 1000;
    }
}
