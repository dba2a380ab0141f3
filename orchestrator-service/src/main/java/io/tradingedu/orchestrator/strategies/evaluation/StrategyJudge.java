package io.tradingedu.orchestrator.strategies.evaluation;

import io.tradingedu.shared.pipeline.StrategiesBacktested.DatasetResult;
import io.tradingedu.shared.pipeline.StrategiesBacktested.PeriodMetrics;
import io.tradingedu.shared.pipeline.StrategiesBacktested.StrategyResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Decides one candidate on its out-of-sample results (docs/evaluation.md). The main dataset (the first tested) is
 * judged on Sharpe ratio, drawdown, profit factor, trades, buy-and-hold and the deflated Sharpe ratio; consistency
 * counts the out-of-sample periods of every dataset. Every criterion gives a reason; all must pass. Only bars the
 * tuning never saw count, and each of them once: a dataset without an out-of-sample part is not evidence, and a
 * walk-forward window that overlaps an earlier judged one is left out.
 */
final class StrategyJudge {

    private final EvaluationProperties criteria;

    StrategyJudge(EvaluationProperties criteria) {
        this.criteria = criteria;
    }

    Verdict judge(StrategyResult result, Trials trials) {
        if (!result.violations().isEmpty()) {
            return Verdict.rejected(new Reason("valid", false, null, null, "the strategy could not be run: "
                    + String.join("; ", result.violations().stream().map(Object::toString).toList())));
        }
        if (result.datasets().isEmpty()) {
            return Verdict.rejected(new Reason("tested", false, null, null, "not backtested on any dataset"
                    + (result.notes().isEmpty() ? "" : ": " + String.join("; ", result.notes()))));
        }
        DatasetResult first = result.datasets().getFirst();
        OutOfSample main = OutOfSample.of(first);
        if (main.periods().isEmpty()) {
            // judging the in-sample bars would grade the tuning on its own choice
            List<String> labels = first.periods().stream().map(PeriodMetrics::label).distinct().toList();
            return Verdict.rejected(new Reason("out_of_sample", false, null, null, "not tested out of sample: "
                    + first.dataset().symbol() + " has no out_of_sample part and no walk-forward window, only "
                    + (labels.isEmpty() ? "no period" : String.join(", ", labels))));
        }
        List<Reason> reasons = new ArrayList<>();
        reasons.add(Reason.check("out_of_sample_sharpe", main.sharpe(), criteria.minSharpe(), true,
                "out-of-sample Sharpe", 2));
        reasons.add(Reason.check("max_drawdown", main.get("max_drawdown"), criteria.maxDrawdown(), false,
                "out-of-sample max drawdown", 2));
        reasons.add(profitFactor(main));
        reasons.add(Reason.check("trades", main.get("trades"), criteria.minTrades(), true, "out-of-sample trades", 0));
        if (criteria.beatBuyAndHold()) {
            reasons.add(buyAndHold(main));
        }
        reasons.add(consistency(result.datasets()));
        DeflatedSharpe deflated = DeflatedSharpe.of(main, trials);
        reasons.add(deflated.reason(criteria.minDeflatedSharpe()));
        return new Verdict(reasons.stream().allMatch(Reason::passed), List.copyOf(reasons), deflated.value());
    }

    private Reason profitFactor(OutOfSample main) {
        Double factor = main.get("profit_factor");
        Double trades = main.get("trades");
        if (factor == null && trades != null && trades > 0) {
            return new Reason("profit_factor", true, null, criteria.minProfitFactor(), "no losing out-of-sample trade");
        }
        return Reason.check("profit_factor", factor, criteria.minProfitFactor(), true, "out-of-sample profit factor", 2);
    }

    private static Reason buyAndHold(OutOfSample main) {
        Double sharpe = main.sharpe();
        Double holding = main.get("buy_and_hold_sharpe");
        if (sharpe == null || holding == null) {
            return new Reason("beats_buy_and_hold", false, sharpe, holding, "out-of-sample Sharpe "
                    + (sharpe == null ? "unknown" : Reason.number(sharpe, 2)) + " vs buy-and-hold Sharpe "
                    + (holding == null ? "unknown" : Reason.number(holding, 2)));
        }
        boolean passed = sharpe > holding;
        return new Reason("beats_buy_and_hold", passed, sharpe, holding, "out-of-sample Sharpe "
                + Reason.number(sharpe, 2) + (passed ? " > " : " ≤ ") + "buy-and-hold Sharpe " + Reason.number(holding, 2));
    }

    private Reason consistency(List<DatasetResult> datasets) {
        List<OutOfSample> judged = datasets.stream().map(OutOfSample::of).toList();
        List<PeriodMetrics> periods = judged.stream().flatMap(o -> o.periods().stream()).toList();
        int overlapping = judged.stream().mapToInt(OutOfSample::overlapping).sum();
        long profitable = periods.stream().map(p -> p.metrics().get("total_return"))
                .filter(Objects::nonNull).filter(r -> r > 0).count();
        double share = (double) profitable / periods.size();
        boolean passed = share >= criteria.minConsistency();
        return new Reason("consistency", passed, share, criteria.minConsistency(), "profitable in " + profitable
                + " of " + periods.size() + " out-of-sample period" + (periods.size() == 1 ? "" : "s") + " ("
                + Reason.number(share, 2) + (passed ? " ≥ " : " < ") + Reason.number(criteria.minConsistency(), 2)
                + ")" + (overlapping == 0 ? "" : "; " + overlapping + " overlapping window"
                + (overlapping == 1 ? "" : "s") + " not counted"));
    }

    /** @param deflatedSharpe the deflated Sharpe ratio, the proven strategy's score; null when unknown */
    record Verdict(boolean promoted, List<Reason> reasons, Double deflatedSharpe) {

        static Verdict rejected(Reason reason) {
            return new Verdict(false, List.of(reason), null);
        }

        String decision() {
            return promoted ? "promoted" : "rejected";
        }

        List<Reason> failed() {
            return reasons.stream().filter(r -> !r.passed()).toList();
        }
    }

    /**
     * The judged periods of one dataset: its out-of-sample part, or its walk-forward windows; none when it has
     * neither. Windows that overlap one judged before them (step shorter than the window) are left out, so that
     * no out-of-sample return is counted twice: summed trades and returns, and consistency, would otherwise grow
     * with the overlap and not with the evidence.
     *
     * @param overlapping windows left out because they overlap an earlier one
     */
    record OutOfSample(List<PeriodMetrics> periods, int overlapping) {

        static OutOfSample of(DatasetResult dataset) {
            List<PeriodMetrics> all = dataset.periods();
            List<PeriodMetrics> outOfSample = all.stream().filter(p -> p.label().equals("out_of_sample")).toList();
            if (outOfSample.isEmpty()) {
                outOfSample = all.stream().filter(p -> p.label().startsWith("window_")).toList();
            }
            List<PeriodMetrics> disjoint = new ArrayList<>();
            Instant lastEnd = null;
            for (PeriodMetrics period : outOfSample.stream().sorted(Comparator.comparing(PeriodMetrics::from,
                    Comparator.nullsFirst(Comparator.naturalOrder()))).toList()) {
                if (lastEnd != null && period.from() != null && !period.from().isAfter(lastEnd)) {
                    continue;
                }
                disjoint.add(period);
                lastEnd = period.to() == null ? lastEnd : period.to();
            }
            return new OutOfSample(List.copyOf(disjoint), outOfSample.size() - disjoint.size());
        }

        Double sharpe() {
            return get("sharpe");
        }

        /**
         * One period's metric; over several (disjoint) windows the sum for counts (trades, return_count), the worst
         * drawdown, and the mean of the rest (Sharpe ratios, profit factors, return moments).
         */
        Double get(String name) {
            List<Double> values = periods.stream().map(p -> p.metrics().get(name)).filter(Objects::nonNull).toList();
            if (values.isEmpty()) {
                return null;
            }
            Stream<Double> stream = values.stream();
            return switch (name) {
                case "trades", "return_count" -> stream.mapToDouble(Double::doubleValue).sum();
                case "max_drawdown" -> stream.mapToDouble(Double::doubleValue).max().orElseThrow();
                default -> stream.mapToDouble(Double::doubleValue).average().orElseThrow();
            };
        }
    }
}
