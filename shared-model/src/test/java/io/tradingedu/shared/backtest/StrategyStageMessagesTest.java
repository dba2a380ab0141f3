package io.tradingedu.shared.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.shared.pipeline.EvaluateStrategies;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.RunBacktest;
import io.tradingedu.shared.pipeline.StrategiesBacktested;
import io.tradingedu.shared.pipeline.StrategiesEvaluated;
import io.tradingedu.shared.strategy.StrategyText;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Stages 9 and 10's messages with their additive fields survive the wire, and old readers' JSON still reads. */
class StrategyStageMessagesTest {

    private static final UUID RUN = UUID.randomUUID();
    private static final UUID MEDIA = UUID.randomUUID();
    private static final OpenParameter FAST = new OpenParameter(List.of("entry.left.params.period",
            "exit.left.params.period"), 10, 50, 10, "the lesson says 'a short moving average'");

    @Test
    void runBacktestCarriesEachCandidatesOpenParameters() {
        RunBacktest command = RunBacktest.of(RUN, MEDIA, 2, List.of(new RunBacktest.StrategyToTest("s1",
                        StrategyText.parse("entry: SMA(20) crosses above SMA(200)\nexit: SMA(20) crosses below SMA(200)"),
                        List.of(FAST))),
                new BacktestPlan(List.of(new DatasetRef("SPX", "1d", null, null)), 10_000,
                        new TestPlan.InSampleOutOfSample(0.7)));

        assertThat(PipelineMessages.fromJson(PipelineMessages.toJson(command))).isEqualTo(command);
        assertThat(new RunBacktest.StrategyToTest("s2", command.strategies().getFirst().definition()).tuning())
                .isEmpty();
    }

    @Test
    void openParameterPathsMayBeOneCommaSeparatedString() {
        String json = PipelineMessages.toJson(RunBacktest.of(RUN, MEDIA, 1, List.of(new RunBacktest.StrategyToTest("s1",
                        StrategyText.parse("entry: RSI(14) < 30\nexit: RSI(14) > 50"), List.of(new OpenParameter(
                        List.of("entry.left.params.period"), 2, 14, 4, "open")))),
                        new BacktestPlan(List.of(), 10_000, null)))
                .replace("\"paths\":[\"entry.left.params.period\"]",
                        "\"paths\":\"entry.left.params.period, exit.left.params.period\"");

        RunBacktest read = (RunBacktest) PipelineMessages.fromJson(json);

        OpenParameter parameter = read.strategies().getFirst().tuning().getFirst();
        assertThat(parameter.paths()).containsExactly("entry.left.params.period", "exit.left.params.period");
        assertThat(parameter.count()).isEqualTo(4);
    }

    @Test
    void backtestOutcomeWithTuningAndEvaluationRoundTrip() {
        RunBacktest command = RunBacktest.of(RUN, MEDIA, 1, List.of(), new BacktestPlan(List.of(), 0, null));
        DatasetRef spx = new DatasetRef("SPX", "1d", null, null);
        StrategiesBacktested outcome = StrategiesBacktested.of(command, List.of(new StrategiesBacktested.StrategyResult(
                "s1", "Golden cross", List.of(), List.of(new StrategiesBacktested.DatasetResult(spx, UUID.randomUUID(),
                List.of(new StrategiesBacktested.PeriodMetrics("out_of_sample", Instant.parse("2014-01-02T00:00:00Z"),
                        Instant.parse("2020-04-17T00:00:00Z"), Map.of("sharpe", 0.61, "return_count", 1530.0))))),
                new StrategiesBacktested.Tuning(spx, List.of(FAST), 5, 0, Map.of(FAST.paths().getFirst(), 30.0), 5,
                        0.4, 0.02, 252.0, List.of()),
                StrategyText.parse("entry: SMA(30) crosses above SMA(200)\nexit: SMA(30) crosses below SMA(200)"),
                List.of("AAPL 1d is not loaded"))), List.of("dataset BTCUSD 1h is not loaded"));
        EvaluateStrategies evaluate = EvaluateStrategies.of(RUN, MEDIA, 1, outcome, List.of("no exit taught"));
        StrategiesEvaluated evaluated = StrategiesEvaluated.of(evaluate, List.of("s1"), List.of(), List.of());

        assertThat(PipelineMessages.fromJson(PipelineMessages.toJson(outcome))).isEqualTo(outcome);
        assertThat(PipelineMessages.fromJson(PipelineMessages.toJson(evaluate))).isEqualTo(evaluate);
        assertThat(PipelineMessages.fromJson(PipelineMessages.toJson(evaluated))).isEqualTo(evaluated);
        assertThat(outcome.summary()).isEqualTo("1 strategies backtested: dataset BTCUSD 1h is not loaded");
    }

    @Test
    void anEarlierOutcomeWithoutTheNewFieldsStillReads() {
        RunBacktest command = RunBacktest.of(RUN, MEDIA, 1, List.of(), null);
        String old = PipelineMessages.toJson(StrategiesBacktested.of(command, List.of(
                        new StrategiesBacktested.StrategyResult("s1", "x", List.of(), List.of()))))
                .replace(",\"notes\":[]", "").replace(",\"tuning\":null", "").replace(",\"testedDefinition\":null", "");

        StrategiesBacktested read = (StrategiesBacktested) PipelineMessages.fromJson(old);

        assertThat(read.notes()).isEmpty();
        assertThat(read.results().getFirst().tuning()).isNull();
        assertThat(read.results().getFirst().notes()).isEmpty();
    }
}
