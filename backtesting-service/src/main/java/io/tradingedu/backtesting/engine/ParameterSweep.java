package io.tradingedu.backtesting.engine;

import io.tradingedu.shared.strategy.InvalidStrategyException;
import io.tradingedu.shared.strategy.StrategyDefinition;
import io.tradingedu.shared.strategy.StrategyJson;
import io.tradingedu.shared.strategy.StrategySyntaxException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * Runs every combination of the swept parameters over one range, in parallel, and ranks them. All variants share one
 * {@link IndicatorCache}, so an indicator used by many variants (SMA(200) in every fast/slow pair) is computed once.
 */
public final class ParameterSweep {

    /**
     * The engine's own ceiling, whatever a caller allows: every variant keeps its metrics until the ranking. The
     * service's configured limit (backtest.limits.max-variants) is lower and checked before a job is queued.
     */
    public static final int MAX_VARIANTS = 100_000;

    private ParameterSweep() {
    }

    public static SweepReport run(IndicatorCache cache, StrategyDefinition base, List<SweepParameter> parameters,
                                  String metric, int top, int from, int to, double capital, FillTiming fillTiming,
                                  ForkJoinPool pool) {
        return run(cache, base, parameters, metric, top, from, to, capital, fillTiming, pool, () -> false);
    }

    /**
     * @param cancelled read before every variant; once true, the sweep ends with a {@link CancellationException}
     */
    public static SweepReport run(IndicatorCache cache, StrategyDefinition base, List<SweepParameter> parameters,
                                  String metric, int top, int from, int to, double capital, FillTiming fillTiming,
                                  ForkJoinPool pool, BooleanSupplier cancelled) {
        Metrics.requireKnown(metric);
        for (SweepParameter parameter : parameters) {
            if (parameter.problem() != null) {
                throw new IllegalArgumentException(parameter.problem());
            }
        }
        BigInteger combinations = SweepParameter.combinations(parameters);
        if (combinations.compareTo(BigInteger.valueOf(MAX_VARIANTS)) > 0) {
            throw new IllegalArgumentException("the sweep has " + combinations + " combinations, more than "
                    + MAX_VARIANTS);
        }
        int[] counts = parameters.stream().mapToInt(SweepParameter::count).toArray();
        long total = combinations.longValueExact();
        JsonNode baseTree = StrategyJson.toTree(base);
        for (SweepParameter parameter : parameters) {
            parameter.paths().forEach(path -> StrategyPaths.requireNumberAt(baseTree, path));
        }
        long started = System.nanoTime();
        int variants = (int) total;
        Outcome[] outcomes = runAll(pool, variants, i -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("the sweep was cancelled");
            }
            int[] grid = grid(i, counts);
            JsonNode tree = baseTree.deepCopy();
            Map<String, Double> values = new LinkedHashMap<>();
            for (int p = 0; p < parameters.size(); p++) {
                double value = parameters.get(p).value(grid[p]);
                for (String path : parameters.get(p).paths()) {
                    StrategyPaths.set(tree, path, value);
                }
                values.put(parameters.get(p).path(), value);
            }
            try {
                CompiledStrategy compiled = CompiledStrategy.compile(StrategyJson.fromTree(tree), cache);
                Metrics metrics = BacktestEngine.metricsOnly(compiled, cache.series(), from, to, capital, fillTiming);
                return new Outcome(grid, new SweepReport.Variant(values, metrics));
            } catch (InvalidStrategyException | StrategySyntaxException e) {
                return new Outcome(grid, null);
            }
        });
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        List<Outcome> valid = Arrays.stream(outcomes).filter(o -> o.variant() != null).toList();
        Comparator<Outcome> byMetric = Comparator.comparing(
                (Outcome o) -> o.variant().metrics().byName(metric),
                Comparator.nullsLast(Metrics.higherIsBetter(metric) ? Comparator.<Double>reverseOrder()
                        : Comparator.<Double>naturalOrder()));
        List<Outcome> ranked = valid.stream().sorted(byMetric).toList();
        return new SweepReport(metric, variants, variants - valid.size(),
                ranked.stream().limit(top).map(Outcome::variant).toList(),
                ranked.isEmpty() ? null : robustness(ranked.getFirst(), valid, metric),
                (long) valid.size() * (to - from + 1), elapsed);
    }

    private static Outcome[] runAll(ForkJoinPool pool, int variants, IntFunction<Outcome> task) {
        try {
            return pool.submit(() -> IntStream.range(0, variants).parallel().mapToObj(task).toArray(Outcome[]::new))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private static int[] grid(int index, int[] counts) {
        int[] grid = new int[counts.length];
        for (int p = counts.length - 1; p >= 0; p--) {
            grid[p] = index % counts[p];
            index /= counts[p];
        }
        return grid;
    }

    private static SweepReport.Robustness robustness(Outcome best, List<Outcome> all, String metric) {
        List<SweepReport.Variant> neighbours = new ArrayList<>();
        for (Outcome other : all) {
            int distance = 0;
            for (int p = 0; p < best.grid().length; p++) {
                distance += Math.abs(other.grid()[p] - best.grid()[p]);
            }
            if (distance == 1) {
                neighbours.add(other.variant());
            }
        }
        Double bestValue = best.variant().metrics().byName(metric);
        double[] values = neighbours.stream().map(v -> v.metrics().byName(metric)).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).toArray();
        Double mean = values.length == 0 ? null : Arrays.stream(values).average().orElseThrow();
        Double worst = values.length == 0 ? null : Metrics.higherIsBetter(metric)
                ? Arrays.stream(values).min().orElseThrow()
                : Arrays.stream(values).max().orElseThrow();
        Double retained = mean != null && bestValue != null && bestValue != 0 ? mean / bestValue : null;
        return new SweepReport.Robustness(bestValue, neighbours, mean, worst, retained);
    }

    private record Outcome(int[] grid, SweepReport.Variant variant) {
    }
}
