package io.tradingedu.api.playground;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A sweep as a heatmap: one axis per swept number (one or two), a cell per variant that could be run, coloured by
 * the ranking metric. A combination the language refuses (e.g. a fast average longer than the slow one) has no cell.
 *
 * @param metric          what the cells hold
 * @param higherIsBetter  false for drawdown and volatility
 * @param axes            the swept numbers and every value each took, in order
 * @param cells           x (and y) index into the axes' values, the metric's value (null when undefined, e.g. a
 *                        Sharpe ratio without trades) and the variant's trade count
 * @param variants        combinations asked for
 * @param invalidVariants combinations the language refused
 * @param best            the best cell, null when no variant ran
 * @param robustness      backtesting-service's neighbour check of the best cell: best, neighbour_mean,
 *                        neighbour_worst, retained (mean ÷ best; near 1 is a plateau, far below a lone peak)
 */
public record SweepGrid(String metric, boolean higherIsBetter, List<Axis> axes, List<Cell> cells, int variants,
                        int invalidVariants, Cell best, JsonNode robustness) {

    public record Axis(String path, List<Double> values) {
    }

    public record Cell(int x, Integer y, Double value, Double trades) {
    }

    /**
     * @param request the job's request as backtesting-service stored it (its {@code parameters} give the axes)
     * @param sweep   its sweep report (every variant ranked: the Playground asks for them all)
     */
    static SweepGrid of(JsonNode request, JsonNode sweep) {
        String metric = sweep.path("metric").asString("sharpe");
        List<Axis> axes = new ArrayList<>();
        List<double[]> bounds = new ArrayList<>();
        for (JsonNode parameter : request.path("parameters")) {
            double from = parameter.path("from").asDouble();
            double step = parameter.path("step").asDouble();
            int count = (int) Math.floor((parameter.path("to").asDouble() - from) / step + 1e-9) + 1;
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                values.add(from + i * step);
            }
            axes.add(new Axis(parameter.path("path").asString(), values));
            bounds.add(new double[] {from, step});
        }
        List<Cell> cells = new ArrayList<>();
        for (JsonNode variant : sweep.path("ranked")) {
            Cell cell = cell(variant, axes, bounds, metric);
            if (cell != null) {
                cells.add(cell);
            }
        }
        return new SweepGrid(metric, !metric.equals("max_drawdown") && !metric.equals("annual_volatility"), axes,
                cells, sweep.path("variants").asInt(), sweep.path("invalid_variants").asInt(),
                cells.isEmpty() ? null : cells.getFirst(), sweep.get("robustness"));
    }

    private static Cell cell(JsonNode variant, List<Axis> axes, List<double[]> bounds, String metric) {
        int[] index = new int[axes.size()];
        for (int a = 0; a < axes.size(); a++) {
            JsonNode value = variant.path("parameters").get(axes.get(a).path());
            if (value == null || !value.isNumber()) {
                return null;
            }
            index[a] = (int) Math.round((value.asDouble() - bounds.get(a)[0]) / bounds.get(a)[1]);
            if (index[a] < 0 || index[a] >= axes.get(a).values().size()) {
                return null;
            }
        }
        JsonNode metrics = variant.path("metrics");
        return new Cell(index[0], index.length > 1 ? index[1] : null, number(metrics.get(metric)),
                number(metrics.get("trades")));
    }

    private static Double number(JsonNode node) {
        return node != null && node.isNumber() ? node.asDouble() : null;
    }
}
