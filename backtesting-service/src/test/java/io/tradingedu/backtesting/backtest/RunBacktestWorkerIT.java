package io.tradingedu.backtesting.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradingedu.backtesting.marketdata.MarketDataService;
import io.tradingedu.backtesting.marketdata.RealMarketData;
import io.tradingedu.shared.backtest.BacktestPlan;
import io.tradingedu.shared.backtest.DatasetRef;
import io.tradingedu.shared.backtest.OpenParameter;
import io.tradingedu.shared.backtest.TestPlan;
import io.tradingedu.shared.pipeline.PipelineMessage;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.RunBacktest;
import io.tradingedu.shared.pipeline.StageFailed;
import io.tradingedu.shared.pipeline.StrategiesBacktested;
import io.tradingedu.shared.strategy.StrategyDefinition;
import io.tradingedu.shared.strategy.StrategyFormatter;
import io.tradingedu.shared.strategy.StrategyJson;
import io.tradingedu.shared.strategy.StrategyText;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/** Stage 9 over the real Kafka: a RunBacktest command in, one outcome out through the outbox. */
@SpringBootTest(properties = "logging.structured.format.console=")
class RunBacktestWorkerIT {

    private static final StrategyDefinition GOLDEN_CROSS = StrategyText.parse("""
            name: Golden cross
            entry: SMA(50) crosses above SMA(200)
            exit: SMA(50) crosses below SMA(200)
            """);
    private static final BacktestPlan PLAN = new BacktestPlan(
            List.of(new DatasetRef("SPX", "1d", Instant.parse("2003-01-01T00:00:00Z"), null)), 10_000,
            new TestPlan.InSampleOutOfSample(0.6));

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MarketDataService marketData;

    @BeforeEach
    void spx() throws Exception {
        try (InputStream in = Files.newInputStream(RealMarketData.file("sp500-2000.csv"))) {
            marketData.importCsv("SPX", "1d", in);
        }
    }

    @Test
    void publishesStrategiesBacktestedWithMetricsPerPeriod() {
        RunBacktest command = RunBacktest.of(UUID.randomUUID(), UUID.randomUUID(), 1, List.of(
                new RunBacktest.StrategyToTest("golden-cross", GOLDEN_CROSS),
                new RunBacktest.StrategyToTest("never", StrategyText.parse("entry: RSI(14) > 120\nmax_bars: 2"))),
                PLAN);

        send(command);

        StrategiesBacktested outcome = (StrategiesBacktested) awaitOutcome(command);
        assertThat(outcome.attempt()).isEqualTo(1);
        StrategiesBacktested.StrategyResult tested = outcome.results().getFirst();
        assertThat(tested.violations()).isEmpty();
        assertThat(tested.datasets()).singleElement().satisfies(dataset -> {
            assertThat(dataset.periods()).extracting(StrategiesBacktested.PeriodMetrics::label)
                    .containsExactly("in_sample", "out_of_sample");
            assertThat(dataset.periods().getFirst().metrics()).containsKeys("total_return", "sharpe", "max_drawdown",
                    "buy_and_hold_sharpe", "return_count", "periods_per_year", "returns_skewness", "returns_kurtosis");
            assertThat(jdbc.queryForObject("SELECT run_id FROM backtest WHERE id = ?", UUID.class,
                    dataset.backtestId())).isEqualTo(command.runId());
        });
        assertThat(tested.tuning().trials()).isEqualTo(1);
        assertThat(tested.testedDefinition()).isEqualTo(GOLDEN_CROSS);
        assertThat(outcome.results().get(1).violations()).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("can never be true"));
    }

    @Test
    void strategiesThatAllFailValidationAreANonRetryableFailure() {
        RunBacktest command = RunBacktest.of(UUID.randomUUID(), UUID.randomUUID(), 1, List.of(
                new RunBacktest.StrategyToTest("bad", StrategyJson.fromJson("""
                        {"entry": {"type": "above", "left": {"indicator": "SMAA"}, "right": {"constant": 1}},
                         "risk": {"max_bars": 5}}
                        """))), PLAN);

        send(command);

        StageFailed failed = (StageFailed) awaitOutcome(command);
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).contains("bad").contains("entry.left.indicator");
    }

    @Test
    void openParametersAreTunedInSampleAndTheChosenVariantIsTestedOnBothParts() {
        OpenParameter fast = new OpenParameter(List.of("entry.left.params.period", "exit.left.params.period"), 10, 50,
                10, "the lesson says 'a short moving average'");
        RunBacktest command = RunBacktest.of(UUID.randomUUID(), UUID.randomUUID(), 1,
                List.of(new RunBacktest.StrategyToTest("s1", GOLDEN_CROSS, List.of(fast))), PLAN);

        send(command);

        StrategiesBacktested.StrategyResult result = ((StrategiesBacktested) awaitOutcome(command)).results()
                .getFirst();
        assertThat(result.tuning().variants()).isEqualTo(5);
        assertThat(result.tuning().trials()).isBetween(1, 5);
        assertThat(result.tuning().sharpeVariance()).isNotNull();
        double chosen = result.tuning().chosen().get("entry.left.params.period,exit.left.params.period");
        assertThat(chosen).isIn(10.0, 20.0, 30.0, 40.0, 50.0);
        assertThat(StrategyFormatter.format(result.testedDefinition()))
                .contains("SMA(" + (int) chosen + ") crosses above SMA(200)");
        assertThat(result.datasets().getFirst().periods()).extracting(StrategiesBacktested.PeriodMetrics::label)
                .containsExactly("in_sample", "out_of_sample");
    }

    @Test
    void aCommandWithoutStrategiesSucceedsSayingSo() {
        RunBacktest command = RunBacktest.of(UUID.randomUUID(), UUID.randomUUID(), 1, List.of(), PLAN);

        send(command);

        StrategiesBacktested outcome = (StrategiesBacktested) awaitOutcome(command);
        assertThat(outcome.results()).isEmpty();
        assertThat(outcome.notes()).containsExactly("no strategies to backtest");
    }

    @Test
    void aDatasetThatIsNotLoadedIsANoteWhileAnotherIsTested() {
        RunBacktest command = RunBacktest.of(UUID.randomUUID(), UUID.randomUUID(), 1,
                List.of(new RunBacktest.StrategyToTest("golden-cross", GOLDEN_CROSS)),
                new BacktestPlan(List.of(new DatasetRef("SPX", "1d", null, null), new DatasetRef("NOSUCH", "1h", null,
                        null)), 10_000, new TestPlan.InSampleOutOfSample(0.7)));

        send(command);

        StrategiesBacktested outcome = (StrategiesBacktested) awaitOutcome(command);
        assertThat(outcome.notes()).containsExactly("dataset NOSUCH 1h is not loaded in the backtesting service");
        assertThat(outcome.results().getFirst().datasets()).singleElement()
                .satisfies(d -> assertThat(d.dataset().symbol()).isEqualTo("SPX"));
    }

    @Test
    void aWalkForwardPlanJudgesOnlyTheWindowsAfterTheInSampleOne() {
        RunBacktest command = RunBacktest.of(UUID.randomUUID(), UUID.randomUUID(), 1,
                List.of(new RunBacktest.StrategyToTest("golden-cross", GOLDEN_CROSS)),
                new BacktestPlan(List.of(new DatasetRef("SPX", "1d", null, null)), 10_000,
                        new TestPlan.WalkForward(1_000, 500)));

        send(command);

        StrategiesBacktested.DatasetResult dataset = ((StrategiesBacktested) awaitOutcome(command)).results()
                .getFirst().datasets().getFirst();
        // bars 0..999 are the in-sample window; windows of 1,000 bars every 500 fit 7 times into bars 1,000..5,104
        assertThat(dataset.periods()).hasSize(7).allSatisfy(p -> assertThat(p.label()).startsWith("window_"));
        assertThat(dataset.periods().getFirst().from()).isAfter(Instant.parse("2003-12-01T00:00:00Z"));
    }

    @Test
    void missingMarketDataIsANonRetryableFailure() {
        RunBacktest command = RunBacktest.of(UUID.randomUUID(), UUID.randomUUID(), 1,
                List.of(new RunBacktest.StrategyToTest("golden-cross", GOLDEN_CROSS)),
                new BacktestPlan(List.of(new DatasetRef("NOSUCH", "1d", null, null)), 10_000, null));

        send(command);

        StageFailed failed = (StageFailed) awaitOutcome(command);
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).contains("NOSUCH");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM backtest WHERE run_id = ?", Integer.class,
                command.runId())).isZero();
    }

    @Test
    void aRedeliveredCommandIsAnsweredOnce() {
        RunBacktest command = RunBacktest.of(UUID.randomUUID(), UUID.randomUUID(), 1,
                List.of(new RunBacktest.StrategyToTest("golden-cross", GOLDEN_CROSS)), PLAN);

        send(command);
        awaitOutcome(command);
        send(command);

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(
                () -> outcomes(command).size() == 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM backtest WHERE run_id = ?", Integer.class,
                command.runId())).isEqualTo(1);
    }

    private void send(RunBacktest command) {
        kafka.send(PipelineStage.BACKTEST.commandsTopic(), command.mediaId().toString(), PipelineMessages.toJson(command))
                .join();
    }

    private PipelineMessage awaitOutcome(RunBacktest command) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> outcomes(command), list -> !list.isEmpty())
                .getFirst();
    }

    private List<PipelineMessage> outcomes(RunBacktest command) {
        return jdbc.queryForList("SELECT payload FROM outbox_message WHERE topic = ? AND payload LIKE ?", String.class,
                        PipelineStage.BACKTEST.eventsTopic(), "%" + command.runId() + "%")
                .stream().map(PipelineMessages::fromJson).toList();
    }
}
