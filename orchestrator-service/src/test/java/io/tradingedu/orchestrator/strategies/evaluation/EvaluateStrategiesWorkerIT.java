package io.tradingedu.orchestrator.strategies.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tradingedu.orchestrator.OrchestratorIT;
import io.tradingedu.shared.backtest.BacktestPlan;
import io.tradingedu.shared.backtest.DatasetRef;
import io.tradingedu.shared.pipeline.EvaluateStrategies;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.RunBacktest;
import io.tradingedu.shared.pipeline.StrategiesBacktested;
import io.tradingedu.shared.pipeline.StrategiesBacktested.DatasetResult;
import io.tradingedu.shared.pipeline.StrategiesBacktested.PeriodMetrics;
import io.tradingedu.shared.pipeline.StrategiesBacktested.StrategyResult;
import io.tradingedu.shared.pipeline.StrategiesEvaluated;
import io.tradingedu.shared.strategy.StrategyJson;
import io.tradingedu.shared.strategy.StrategyText;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/** Stage 10 over the real Kafka and PostgreSQL: decisions with reasons stored, proven strategies and their life. */
@OrchestratorIT
class EvaluateStrategiesWorkerIT {

    private static final String GOLDEN = "entry: SMA(50) crosses above SMA(200)\nexit: SMA(50) crosses below SMA(200)";

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProvenStrategyLifecycle lifecycle;

    @Test
    void storesEachDecisionWithReasonsAndPromotesWhatHolds() {
        UUID media = UUID.randomUUID();
        UUID good = candidate(media, "s1");
        UUID weak = candidate(media, "s2");

        StrategiesEvaluated outcome = evaluate(media, List.of(result("s1", strong()), result("s2", weak())));

        assertThat(outcome.promoted()).containsExactly("s1");
        assertThat(outcome.rejected()).containsExactly("s2");
        assertThat(outcome.notes()).containsExactly("s2: out-of-sample Sharpe 0.21 < 0.5");
        assertThat(row(good)).containsEntry("decision", "promoted");
        assertThat((String) row(good).get("tested_definition")).contains("\"period\": 50");
        assertThat((String) row(good).get("backtest")).contains("\"backtest_id\"").contains("\"deflated_sharpe\"");
        assertThat((String) row(weak).get("decision_reasons"))
                .contains("\"text\": \"out-of-sample Sharpe 0.21 < 0.5\"").contains("\"passed\": false");
        assertThat(jdbc.queryForObject("SELECT status FROM strategies.proven_strategy WHERE strategy_id = ?",
                String.class, good)).isEqualTo("promoted");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM strategies.proven_strategy WHERE strategy_id = ?",
                Integer.class, weak)).isZero();
    }

    @Test
    void reEvaluationRetiresEarlierProvenEntries() {
        UUID media = UUID.randomUUID();
        UUID id = candidate(media, "s1");
        evaluate(media, List.of(result("s1", strong())));
        UUID proven = jdbc.queryForObject("SELECT id FROM strategies.proven_strategy WHERE strategy_id = ?",
                UUID.class, id);
        assertThat(lifecycle.change(proven, "active").status()).isEqualTo("active");

        StrategiesEvaluated again = evaluate(media, List.of(result("s1", weak())));

        assertThat(again.rejected()).containsExactly("s1");
        assertThat(jdbc.queryForObject("SELECT status FROM strategies.proven_strategy WHERE id = ?", String.class,
                proven)).isEqualTo("retired");
        assertThatThrownBy(() -> lifecycle.change(proven, "active"))
                .isInstanceOf(ProvenStrategyLifecycle.IllegalStatusChangeException.class)
                .hasMessageContaining("is retired; it cannot become active");
    }

    @Test
    void theLifeCycleRefusesUnknownStatusesAndIds() {
        assertThatThrownBy(() -> lifecycle.change(UUID.randomUUID(), "promoted"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("status must be active or retired; got 'promoted'");
        assertThatThrownBy(() -> lifecycle.change(UUID.randomUUID(), "active"))
                .isInstanceOf(ProvenStrategyLifecycle.ProvenStrategyNotFoundException.class);
    }

    @Test
    void aLessonWithoutCandidatesEndsSayingWhy() {
        UUID media = UUID.randomUUID();
        EvaluateStrategies command = EvaluateStrategies.of(UUID.randomUUID(), media, 1, null,
                List.of("no entry condition was taught"));

        StrategiesEvaluated outcome = (StrategiesEvaluated) send(command);

        assertThat(outcome.notes()).containsExactly("no strategy: no entry condition was taught");
        assertThat(outcome.summary()).isEqualTo("0 promoted, 0 rejected: no strategy: no entry condition was taught");
    }

    @Test
    void aCandidateStageNineDidNotReportIsRejectedAsNotBacktested() {
        UUID media = UUID.randomUUID();
        UUID id = candidate(media, "s1");

        StrategiesEvaluated outcome = evaluate(media, List.of());

        assertThat(outcome.rejected()).containsExactly("s1");
        assertThat((String) row(id).get("decision_reasons")).contains("not backtested: stage 9 reported no result");
    }

    private StrategiesEvaluated evaluate(UUID media, List<StrategyResult> results) {
        UUID run = UUID.randomUUID();
        StrategiesBacktested backtests = StrategiesBacktested.of(RunBacktest.of(run, media, 1, List.of(),
                new BacktestPlan(List.of(), 10_000, null)), results);
        return (StrategiesEvaluated) send(EvaluateStrategies.of(run, media, 1, backtests, List.of()));
    }

    private Object send(EvaluateStrategies command) {
        kafka.send(PipelineStage.EVALUATE_PROMOTE.commandsTopic(), command.mediaId().toString(),
                PipelineMessages.toJson(command)).join();
        String payload = await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForList(
                "SELECT payload FROM outbox_message WHERE topic = ? AND payload LIKE ?", String.class,
                PipelineStage.EVALUATE_PROMOTE.eventsTopic(), "%" + command.runId() + "%"), l -> !l.isEmpty())
                .getFirst();
        return PipelineMessages.fromJson(payload);
    }

    private UUID candidate(UUID media, String key) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO strategies.strategy (id, media_id, run_id, key, name, source, definition, text_form,
                    assumed, evidence, tuning, created_at)
                VALUES (?, ?, ?, ?, 'Golden cross', 'rules', CAST(? AS jsonb), ?, '[]', '[]', '[]', ?)""",
                id, media, UUID.randomUUID(), key, StrategyJson.toJson(StrategyText.parse(GOLDEN)), GOLDEN,
                Timestamp.from(Instant.now()));
        return id;
    }

    private Map<String, Object> row(UUID id) {
        return jdbc.queryForMap("""
                SELECT decision, decision_reasons::text AS decision_reasons, backtest::text AS backtest,
                       tested_definition::text AS tested_definition
                FROM strategies.strategy WHERE id = ?""", id);
    }

    private static StrategyResult result(String key, Map<String, Double> outOfSample) {
        return new StrategyResult(key, "Golden cross", List.of(), List.of(new DatasetResult(
                new DatasetRef("SPX", "1d", null, null), UUID.randomUUID(), List.of(
                new PeriodMetrics("in_sample", Instant.parse("2000-01-03T00:00:00Z"),
                        Instant.parse("2014-03-10T00:00:00Z"), strong()),
                new PeriodMetrics("out_of_sample", Instant.parse("2014-03-11T00:00:00Z"),
                        Instant.parse("2020-04-17T00:00:00Z"), outOfSample)))),
                null, StrategyText.parse(GOLDEN), List.of());
    }

    private static Map<String, Double> strong() {
        return new HashMap<>(Map.of("sharpe", 1.6, "max_drawdown", 0.12, "profit_factor", 1.9, "trades", 25.0,
                "buy_and_hold_sharpe", 0.7, "total_return", 0.4, "return_count", 1530.0, "periods_per_year", 252.0,
                "returns_skewness", 0.0, "returns_kurtosis", 3.0));
    }

    private static Map<String, Double> weak() {
        Map<String, Double> metrics = strong();
        metrics.put("sharpe", 0.21);
        return metrics;
    }
}
