package ec.gob.iess.claveempleador.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The run's answer as Markdown: the journeys, their steps, the floors beside them, the targets, and the profile. */
final class Summary {

    private static final String PORTAL_AT_8 = "portal @8";

    private final Results results;
    private final BenchmarkServer server;
    private final List<Argon2Floor> floors;
    private final StringBuilder out = new StringBuilder();

    Summary(Results results, BenchmarkServer server, List<Argon2Floor> floors) {
        this.results = results;
        this.server = server;
        this.floors = floors;
    }

    String markdown() throws IOException {
        line("## Benchmark %s", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0)) + " UTC");
        line("");
        line("Machine: %d cores (%s), %s MiB RAM, Java %s; server JVM options `%s`, environment `%s`%s.", Runtime.getRuntime().availableProcessors(),
                cpuModel(), memTotalMib(), System.getProperty("java.version"), String.join(" ", BenchmarkServer.jvmOptions()),
                BenchmarkServer.DEFAULT_ENVIRONMENT.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted()
                        .collect(Collectors.joining(" ")),
                BenchmarkServer.recordsJfr() ? " plus a JFR recording (settings=profile)" : "");
        line("");
        line("Database: %s.", server.database.description());
        line("");
        line("### Journeys (closed model; the client runs on the same 2 cores)");
        line("");
        line("| phase | flows | flows/s | flow p50 / p95 / p99 ms (server steps) | flow p50 / p95 / p99 ms (with mail waits) | server CPU ms/flow | max RSS MiB | errors |");
        line("|---|---|---|---|---|---|---|---|");
        for (Results.Phase phase : measured()) {
            line("| %s | %d | %.1f | %s | %s | %.1f | %.0f | %d |", phase.name, phase.flows(), phase.flowsPerSecond(),
                    triple(phase.serverFlows), triple(phase.wallFlows), cpuPerFlow(phase), rss(phase), phase.errors.get());
        }
        line("");
        line("Server peak RSS over the whole run (VmHWM): %.0f MiB.", server.peakRssMib());
        line("");
        line("### Steps (ms, p50 / p95 / p99)");
        line("");
        for (Results.Phase phase : measured()) {
            if (phase.name.startsWith("minimal")) {
                continue;
            }
            line("| %s | p50 | p95 | p99 |", phase.name);
            line("|---|---|---|---|");
            phase.stepsCopy().forEach((step, values) -> line("| %s | %.0f | %.0f | %.0f |", step,
                    Results.percentile(values, 0.5), Results.percentile(values, 0.95), Results.percentile(values, 0.99)));
            line("");
        }
        line("### Floors measured in the same run");
        line("");
        line("| Argon2id m=19 MiB, t=2, p=1 | p50 ms (1 thread) | CPU ms per hash | hashes/s on 2 threads |");
        line("|---|---|---|---|");
        for (Argon2Floor floor : floors) {
            line("| %s | %.1f | %.1f | %.1f |", floor.implementation(), floor.p50Millis(), floor.cpuMillisPerHash(), floor.twoThreadHashesPerSecond());
        }
        line("");
        line("The minimal process (start → message → end through the engine's REST API, same engine and database) is in the");
        line("journeys table as `minimal process @1` and `@8`.");
        line("");
        targets();
        profile();
        return out.toString();
    }

    /** The chart of this run (flows/s per phase, portal steps at 8 employers), see {@link SummaryChart}. */
    String chart() {
        Map<String, Double> flows = new LinkedHashMap<>();
        measured().forEach(p -> flows.put(p.name, p.flowsPerSecond()));
        Map<String, double[]> steps = new LinkedHashMap<>();
        find(PORTAL_AT_8).ifPresent(p -> p.stepsCopy().forEach((step, values) -> steps.put(step, new double[] {
                Results.percentile(values, 0.5), Results.percentile(values, 0.95), Results.percentile(values, 0.99)})));
        return SummaryChart.render("clave-empleador benchmark, " + DateTimeFormatter.ISO_LOCAL_DATE.format(Instant.now().atOffset(ZoneOffset.UTC))
                + ", " + Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + ")", flows,
                0.6 * floors.get(0).twoThreadHashesPerSecond(), steps);
    }

    private void targets() {
        Argon2Floor floor = floors.get(0);
        Optional<Results.Phase> portal8 = find(PORTAL_AT_8);
        line("### Targets (issue 8), portal journey at 8 concurrent employers unless said");
        line("");
        line("| target | measured | met |");
        line("|---|---|---|");
        portal8.ifPresent(p -> {
            double cpu = cpuPerFlow(p);
            target("server CPU per journey ≤ 2 × one Argon2id hash (%.1f ms)".formatted(2 * floor.cpuMillisPerHash()),
                    "%.1f ms = %.1f × a hash".formatted(cpu, cpu / floor.cpuMillisPerHash()), cpu <= 2 * floor.cpuMillisPerHash());
            double ratio = p.flowsPerSecond() / floor.twoThreadHashesPerSecond();
            target("flows/s ≥ 0.6 × the 2-thread Argon2id floor (%.1f/s)".formatted(0.6 * floor.twoThreadHashesPerSecond()),
                    "%.1f/s = %.2f × the floor".formatted(p.flowsPerSecond(), ratio), ratio >= 0.6);
            double p99 = Results.percentile(p.serverFlows, 0.99);
            target("flow p99 ≤ 400 ms (server steps)", "%.0f ms (with mail waits %.0f ms)".formatted(p99, Results.percentile(p.wallFlows, 0.99)), p99 <= 400);
            for (String step : List.of("POST form (start)", "POST code")) {
                double stepP99 = Results.percentile(p.stepsCopy().getOrDefault(step, List.of()), 0.99);
                target(step + " p99 ≤ 50 ms", "%.0f ms".formatted(stepP99), stepP99 <= 50);
            }
            target("RSS ≤ 512 MiB under this load", "%.0f MiB".formatted(rss(p)), rss(p) <= 512);
        });
        find("API @8").ifPresent(p -> {
            for (String step : List.of("POST /api/recoveries (start)", "POST …/otp (code)")) {
                double stepP99 = Results.percentile(p.stepsCopy().getOrDefault(step, List.of()), 0.99);
                target("API " + step + " p99 ≤ 50 ms", "%.0f ms".formatted(stepP99), stepP99 <= 50);
            }
        });
        int errors = measured().stream().mapToInt(p -> p.errors.get()).sum();
        target("zero errors at 1, 8 and 32 (portal and API)", errors + " errors", errors == 0);
        line("");
    }

    private void profile() throws IOException {
        Optional<Results.Phase> portal8 = find(PORTAL_AT_8);
        if (portal8.isEmpty()) {
            return;
        }
        Results.Phase p = portal8.get();
        Map<String, Long> byThread = server.threadCpuBetween(p.firstStartNanos.get(), p.lastEndNanos.get());
        long total = byThread.values().stream().mapToLong(Long::longValue).sum();
        line("### Where the server's CPU went during `%s` (from /proc, per thread kind)", PORTAL_AT_8);
        line("");
        line("| threads | CPU ms per flow | share |");
        line("|---|---|---|");
        byThread.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).filter(e -> e.getValue() > 0)
                .forEach(e -> line("| %s | %.1f | %.0f %% |", e.getKey(), e.getValue() / 1e6 / p.flows(), 100.0 * e.getValue() / total));
        line("");
        Path jfr = server.jfrFile();
        if (!BenchmarkServer.recordsJfr() || !Files.exists(jfr)) {
            return;
        }
        JfrProfile profile = JfrProfile.read(jfr, Instant.ofEpochMilli(p.firstStartMillis.get()), Instant.ofEpochMilli(p.lastEndMillis.get()));
        line("### JFR profile of `%s` by component (%d Java CPU samples; recording: `%s`)", PORTAL_AT_8, profile.javaSamples(), jfr);
        line("");
        line("| component | share of Java samples |");
        line("|---|---|");
        profile.byComponent().entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> line("| %s | %.1f %% |", e.getKey(), 100.0 * e.getValue() / profile.javaSamples()));
        line("");
        line("Native samples inside libargon2 (JFR samples native code apart, every 20 ms): %d. GC: %d collections, %d ms paused in all, the longest %d ms.",
                profile.argon2NativeSamples(), profile.gcPauses(), profile.gcPauseTotal().toMillis(), profile.gcPauseLongest().toMillis());
        line("");
    }

    private List<Results.Phase> measured() {
        return results.phases().stream().filter(p -> !p.name.startsWith("warm-up") && p.flows() + p.errors.get() > 0).toList();
    }

    private Optional<Results.Phase> find(String name) {
        return results.phases().stream().filter(p -> p.name.equals(name)).findFirst();
    }

    private double cpuPerFlow(Results.Phase phase) {
        return server.cpuNanosBetween(phase.firstStartNanos.get(), phase.lastEndNanos.get()) / 1e6 / Math.max(1, phase.flows());
    }

    private double rss(Results.Phase phase) {
        return server.maxRssMibBetween(phase.firstStartNanos.get(), phase.lastEndNanos.get());
    }

    private void target(String what, String measured, boolean met) {
        line("| %s | %s | %s |", what, measured, met ? "yes" : "**no**");
    }

    private static String triple(List<Double> values) {
        return String.format(Locale.ROOT, "%.0f / %.0f / %.0f", Results.percentile(values, 0.5), Results.percentile(values, 0.95),
                Results.percentile(values, 0.99));
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memTotalMib() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.toString(Long.parseLong(l.replaceAll("\\D", "")) / 1024)).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
