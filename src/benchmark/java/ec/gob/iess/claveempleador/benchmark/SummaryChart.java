package ec.gob.iess.claveempleador.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run's figures as one SVG (no library: a few rectangles), so that the README can show the chart of the very run
 * its tables come from: flows/s per phase against the Argon2id target, and the portal steps' p50 / p95 / p99 at 8
 * employers against the 50 ms target of the start and code steps.
 */
final class SummaryChart {

    private static final int WIDTH = 900;
    private static final int BAR = 16;
    private static final int LABEL = 250;
    private static final String[] SHADES = {"#9ecae1", "#4292c6", "#08519c"};

    private final StringBuilder svg = new StringBuilder();
    private int y;

    private SummaryChart() {
    }

    /**
     * @param flows  flows/s per phase, in the order to show
     * @param floorTarget 0.6 × the 2-thread Argon2id floor (flows/s)
     * @param steps  per step of the portal at 8 employers: p50, p95, p99 (ms)
     */
    static String render(String title, Map<String, Double> flows, double floorTarget, Map<String, double[]> steps) {
        SummaryChart chart = new SummaryChart();
        chart.y = 30;
        chart.text(10, chart.y, title, 15, "bold");
        chart.y += 25;
        double maxFlows = Math.max(floorTarget, flows.values().stream().mapToDouble(Double::doubleValue).max().orElse(1)) * 1.1;
        chart.text(10, chart.y, "flows/s (closed model); dashed: 0.6 × the 2-thread Argon2id floor = " + format(floorTarget) + "/s", 13, "normal");
        chart.y += 10;
        int top = chart.y;
        for (Map.Entry<String, Double> phase : flows.entrySet()) {
            chart.bar(phase.getKey(), new double[] {phase.getValue()}, maxFlows, new String[] {SHADES[1]}, "");
        }
        chart.dashed(floorTarget, maxFlows, top, chart.y);
        chart.y += 30;
        double maxStep = Math.max(60, steps.values().stream().mapToDouble(v -> v[2]).max().orElse(1)) * 1.1;
        chart.text(10, chart.y, "portal @8, server steps: p50 / p95 / p99 ms; dashed: 50 ms (target of start and code)", 13, "normal");
        chart.y += 10;
        top = chart.y;
        for (Map.Entry<String, double[]> step : steps.entrySet()) {
            chart.bar(step.getKey(), step.getValue(), maxStep, SHADES, " ms");
        }
        chart.dashed(50, maxStep, top, chart.y);
        chart.y += 20;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"" + chart.y + "\" font-family=\"sans-serif\">\n"
                + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n" + chart.svg + "</svg>\n";
    }

    /** Overlaid bars (the largest drawn first), the last value printed at the end. */
    private void bar(String label, double[] values, double max, String[] shades, String unit) {
        y += 6;
        text(10, y + BAR - 4, label, 12, "normal");
        List<Integer> order = new ArrayList<>();
        for (int i = values.length - 1; i >= 0; i--) {
            order.add(i);
        }
        for (int i : order) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
                    LABEL, y, scale(values[i], max), BAR, shades[i % shades.length]));
        }
        StringBuilder figures = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            figures.append(i == 0 ? "" : " / ").append(format(values[i]));
        }
        text(LABEL + (int) scale(values[values.length - 1], max) + 6, y + BAR - 4, figures + unit, 11, "normal");
        y += BAR;
    }

    private void dashed(double value, double max, int from, int to) {
        double x = LABEL + scale(value, max);
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d62728\" stroke-dasharray=\"5,4\"/>%n",
                x, from, x, to + 4));
    }

    private static double scale(double value, double max) {
        return Double.isNaN(value) ? 0 : (WIDTH - LABEL - 120) * value / max;
    }

    private void text(int x, int atY, String text, int size, String weight) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" font-weight=\"%s\">%s</text>%n", x, atY, size, weight,
                text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")));
    }

    private static String format(double value) {
        return value >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
