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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Stage 10 over the real Kafka and PostgreSQL: decisions with reasons stored, proven strategies and their life, and
 * nothing stored for a run that no longer wants the result or for candidates of another run. Each test makes its own
 * run (running, stage 10 running) and media item: other tests share the database.
 */
@OrchestratorIT
class EvaluateStrategiesWorkerIT {

    private static final String GOLDEN = "entry: SMA(50) crosses above SMA(200)\nexit: SMA(50) crosses below SMA(200)";

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProvenStrategyLifecycle lifecycle;
    @Autowired
    EvaluateStrategiesWorker worker;
    @Autowired
    DataSource dataSource;

    @Test
    void storesEachDecisionWithReasonsAndPromotesWhatHolds() {
        UUID media = UUID.randomUUID();
        UUID run = liveRun(media);
        UUID good = candidate(media, run, "s1");
        UUID weak = candidate(media, run, "s2");

        StrategiesEvaluated outcome = evaluate(media, run, List.of(result("s1", strong()), result("s2", weak())));

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
        UUID run = liveRun(media);
        UUID id = candidate(media, run, "s1");
        evaluate(media, run, List.of(result("s1", strong())));
        UUID proven = jdbc.queryForObject("SELECT id FROM strategies.proven_strategy WHERE strategy_id = ?",
                UUID.class, id);
        assertThat(lifecycle.change(proven, "active").status()).isEqualTo("active");

        liveAgain(run);
        StrategiesEvaluated again = evaluate(media, run, List.of(result("s1", weak())));

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
        EvaluateStrategies command = EvaluateStrategies.of(liveRun(media), media, 1, null,
                List.of("no entry condition was taught"));

        StrategiesEvaluated outcome = (StrategiesEvaluated) send(command);

        assertThat(outcome.notes()).containsExactly("no strategy: no entry condition was taught");
        assertThat(outcome.summary()).isEqualTo("0 promoted, 0 rejected: no strategy: no entry condition was taught");
    }

    @Test
    void aCandidateStageNineDidNotReportIsRejectedAsNotBacktested() {
        UUID media = UUID.randomUUID();
        UUID run = liveRun(media);
        UUID id = candidate(media, run, "s1");

        StrategiesEvaluated outcome = evaluate(media, run, List.of());

        assertThat(outcome.rejected()).containsExactly("s1");
        assertThat((String) row(id).get("decision_reasons")).contains("not backtested: stage 9 reported no result");
    }

    /** A late command of a run cancelled before it arrived: not evaluated, nothing answered, nothing stored. */
    @Test
    void aCancelledRunsLateCommandChangesNothing() {
        UUID media = UUID.randomUUID();
        UUID run = liveRun(media);
        UUID id = candidate(media, run, "s1");
        cancel(run);

        worker.onCommand(PipelineMessages.toJson(command(media, run, List.of(result("s1", strong())))));

        assertThat(row(id).get("decision")).isNull();
        assertThat(outcomes(run)).isEmpty();
        assertThat(provenEntries(id)).isZero();
    }

    /**
     * A newer run's stage 8 replaced the item's candidates (same keys s1, …) while an older run was still going: the
     * older run's stage 10 judges only its own candidates, so it cannot stamp its results on the newer ones.
     */
    @Test
    void anotherRunsCandidatesAreNotJudged() {
        UUID media = UUID.randomUUID();
        UUID older = liveRun(media);
        UUID newer = liveRun(media);
        UUID newerCandidate = candidate(media, newer, "s1");

        worker.onCommand(PipelineMessages.toJson(command(media, older, List.of(result("s1", strong())))));

        StrategiesEvaluated outcome = (StrategiesEvaluated) PipelineMessages.fromJson(outcomes(older).getFirst());
        assertThat(outcome.promoted()).isEmpty();
        assertThat(outcome.notes()).containsExactly("no strategy: stage 8 generated no candidate");
        assertThat(row(newerCandidate).get("decision")).isNull();
        assertThat(provenEntries(newerCandidate)).isZero();
    }

    /**
     * The run is cancelled while stage 10 judges: the cancel holds the run's row when the worker starts (so the
     * worker still sees a running run), and commits once the worker's reply transaction waits for it. The answer is
     * sent (the orchestrator ignores it) but no decision is stored.
     */
    @Test
    void aCancelWhileEvaluatingLeavesNothingStored() throws Exception {
        UUID media = UUID.randomUUID();
        UUID run = liveRun(media);
        UUID id = candidate(media, run, "s1");
        String json = PipelineMessages.toJson(command(media, run, List.of(result("s1", strong()))));

        try (Connection cancelling = dataSource.getConnection()) {
            cancelling.setAutoCommit(false);
            int cancellingPid;
            try (PreparedStatement update = cancelling.prepareStatement(
                    "UPDATE pipeline.pipeline_run SET status = 'CANCELLED' WHERE id = ? RETURNING pg_backend_pid()")) {
                update.setObject(1, run);
                try (ResultSet rs = update.executeQuery()) {
                    rs.next();
                    cancellingPid = rs.getInt(1);
                }
            }
            CompletableFuture<Void> evaluating = CompletableFuture.runAsync(() -> worker.onCommand(json));
            await().atMost(Duration.ofSeconds(30)).until(() -> evaluating.isDone() || blockedBy(cancellingPid));
            assertThat(evaluating).as("the worker waits for the cancel's lock on the run").isNotDone();
            cancelling.commit();
            evaluating.get(30, TimeUnit.SECONDS);
        }

        assertThat(outcomes(run)).hasSize(1);
        assertThat(row(id).get("decision")).isNull();
        assertThat(provenEntries(id)).isZero();
    }

    /** Whether a session (the worker's reply transaction: no one else touches this run) waits for {@code pid}. */
    private boolean blockedBy(int pid) {
        return jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))",
                Integer.class, pid) > 0;
    }

    private StrategiesEvaluated evaluate(UUID media, UUID run, List<StrategyResult> results) {
        return (StrategiesEvaluated) send(command(media, run, results));
    }

    private static EvaluateStrategies command(UUID media, UUID run, List<StrategyResult> results) {
        StrategiesBacktested backtests = StrategiesBacktested.of(RunBacktest.of(run, media, 1, List.of(),
                new BacktestPlan(List.of(), 10_000, null)), results);
        return EvaluateStrategies.of(run, media, 1, backtests, List.of());
    }

    /**
     * A run that is running with stage 10 running, as the orchestrator leaves it when it dispatches the stage. No
     * lease, so the timekeeper leaves it alone; this context's coordinator does not listen to stage 10's events.
     */
    private UUID liveRun(UUID media) {
        UUID run = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                INSERT INTO pipeline.pipeline_run (id, media_id, media_path, status, current_stage, created_at,
                                                   updated_at, version)
                VALUES (?, ?, '/nowhere.mp4', 'RUNNING', 'EVALUATE_PROMOTE', ?, ?, 0)""", run, media, now, now);
        jdbc.update("""
                INSERT INTO pipeline.stage_execution (run_id, stage, position, status, attempt, max_attempt,
                                                      started_at)
                VALUES (?, 'EVALUATE_PROMOTE', 10, 'RUNNING', 1, 3, ?)""", run, now);
        return run;
    }

    /** Stage 10 again in the same run (a retry), with a new command. */
    private void liveAgain(UUID run) {
        jdbc.update("UPDATE pipeline.stage_execution SET status = 'RUNNING', attempt = attempt + 1 WHERE run_id = ?",
                run);
    }

    private void cancel(UUID run) {
        jdbc.update("UPDATE pipeline.pipeline_run SET status = 'CANCELLED' WHERE id = ?", run);
        jdbc.update("UPDATE pipeline.stage_execution SET status = 'CANCELLED' WHERE run_id = ?", run);
    }

    private List<String> outcomes(UUID run) {
        return jdbc.queryForList("SELECT payload FROM outbox_message WHERE topic = ? AND payload LIKE ?", String.class,
                PipelineStage.EVALUATE_PROMOTE.eventsTopic(), "%" + run + "%");
    }

    private int provenEntries(UUID strategy) {
        return jdbc.queryForObject("SELECT count(*) FROM strategies.proven_strategy WHERE strategy_id = ?",
                Integer.class, strategy);
    }

    /** Sends the command over Kafka and returns the outcome it produced (a run may already have earlier ones). */
    private Object send(EvaluateStrategies command) {
        List<String> before = outcomes(command.runId());
        kafka.send(PipelineStage.EVALUATE_PROMOTE.commandsTopic(), command.mediaId().toString(),
                PipelineMessages.toJson(command)).join();
        String payload = await().atMost(Duration.ofSeconds(60)).until(() -> outcomes(command.runId()).stream()
                .filter(p -> !before.contains(p)).toList(), l -> !l.isEmpty()).getFirst();
        return PipelineMessages.fromJson(payload);
    }

    private UUID candidate(UUID media, UUID run, String key) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO strategies.strategy (id, media_id, run_id, key, name, source, definition, text_form,
                    assumed, evidence, tuning, created_at)
                VALUES (?, ?, ?, ?, 'Golden cross', 'rules', CAST(? AS jsonb), ?, '[]', '[]', '[]', ?)""",
                id, media, run, key, StrategyJson.toJson(StrategyText.parse(GOLDEN)), GOLDEN,
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
