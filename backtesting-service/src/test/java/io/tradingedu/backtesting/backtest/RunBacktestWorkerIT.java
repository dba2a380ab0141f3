package io.tradingedu.backtesting.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradingedu.backtesting.marketdata.MarketDataService;
import io.tradingedu.backtesting.marketdata.RealMarketData;
import io.tradingedu.shared.backtest.BacktestPlan;
import io.tradingedu.shared.backtest.DatasetRef;
import io.tradingedu.shared.backtest.TestPlan;
import io.tradingedu.shared.pipeline.PipelineMessage;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.RunBacktest;
import io.tradingedu.shared.pipeline.StageFailed;
import io.tradingedu.shared.pipeline.StrategiesBacktested;
import io.tradingedu.shared.strategy.StrategyDefinition;
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
            assertThat(dataset.periods().getFirst().metrics()).containsKeys("total_return", "sharpe", "max_drawdown");
            assertThat(jdbc.queryForObject("SELECT run_id FROM backtest WHERE id = ?", UUID.class,
                    dataset.backtestId())).isEqualTo(command.runId());
        });
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
