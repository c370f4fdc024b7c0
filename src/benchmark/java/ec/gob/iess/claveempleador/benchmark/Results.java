package ec.gob.iess.claveempleador.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the virtual users measured, per phase (journey × concurrency): each step's latency, each flow's latency
 * (server steps only, and wall time including the mail waits), errors, and the phase's time window, which the
 * server's CPU and memory readings are matched against.
 */
final class Results {

    private final Map<String, Phase> phases = new ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();

    synchronized Phase phase(String name) {
        return phases.computeIfAbsent(name, n -> {
            order.add(n);
            return new Phase(n);
        });
    }

    synchronized List<Phase> phases() {
        return order.stream().map(phases::get).toList();
    }

    static final class Phase {
        final String name;
        final Map<String, List<Double>> steps = new LinkedHashMap<>();
        final List<Double> serverFlows = new ArrayList<>();
        final List<Double> wallFlows = new ArrayList<>();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicLong firstStartNanos = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong lastEndNanos = new AtomicLong(Long.MIN_VALUE);
        final AtomicLong firstStartMillis = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong lastEndMillis = new AtomicLong(Long.MIN_VALUE);

        private Phase(String name) {
            this.name = name;
        }

        void started() {
            firstStartNanos.accumulateAndGet(System.nanoTime(), Math::min);
            firstStartMillis.accumulateAndGet(System.currentTimeMillis(), Math::min);
        }

        synchronized void step(String step, double millis) {
            steps.computeIfAbsent(step, s -> new ArrayList<>()).add(millis);
        }

        synchronized void flow(double serverMillis, double wallMillis) {
            serverFlows.add(serverMillis);
            wallFlows.add(wallMillis);
            ended();
        }

        void error() {
            errors.incrementAndGet();
            ended();
        }

        private void ended() {
            lastEndNanos.accumulateAndGet(System.nanoTime(), Math::max);
            lastEndMillis.accumulateAndGet(System.currentTimeMillis(), Math::max);
        }

        synchronized int flows() {
            return serverFlows.size();
        }

        double seconds() {
            return (lastEndNanos.get() - firstStartNanos.get()) / 1e9;
        }

        double flowsPerSecond() {
            return flows() / seconds();
        }

        synchronized Map<String, List<Double>> stepsCopy() {
            Map<String, List<Double>> copy = new LinkedHashMap<>();
            steps.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return copy;
        }
    }

    /** The value below which {@code quantile} of the values lie (nearest rank). */
    static double percentile(List<Double> values, double quantile) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
