package io.tradingedu.orchestrator.strategies.evaluation;

import io.tradingedu.shared.pipeline.StrategiesBacktested.StrategyResult;
import io.tradingedu.shared.strategy.StrategyJson;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stage 10's writes in the {@code strategies} schema: each candidate's backtest, tested variant and decision, and the
 * proven strategies. Only the candidates of the command's run are read and written (stage 8 stores its run id).
 * Re-evaluating first retires every proven entry of those candidates (stage 8 replaced all earlier ones of the media
 * item); a candidate promoted again gets its entry back as {@code promoted} (one entry per candidate).
 */
@Component
class EvaluationStore {

    /** snake_case like the rest of the public JSON, so the API can pass the stored document on as it is. */
    static final JsonMapper JSON = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private final JdbcTemplate jdbc;

    EvaluationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The candidates stage 8 wrote for this run, in its order. Rows of another run (a newer run's stage 8 replaced
     * them) are not this run's to judge.
     */
    List<Candidate> candidates(UUID mediaId, UUID runId) {
        return jdbc.query("""
                SELECT id, key, name FROM strategies.strategy WHERE media_id = ? AND run_id = ?
                ORDER BY created_at, length(key), key""",
                (rs, i) -> new Candidate(rs.getObject("id", UUID.class), rs.getString("key"), rs.getString("name")),
                mediaId, runId);
    }

    /**
     * Stores the decisions on the run's candidates, in the reply transaction. The rows are locked first and only
     * those still of this run are written: a newer run's stage 8 may have replaced them since they were read.
     */
    void record(UUID mediaId, UUID runId, List<Decided> decided, Instant now) {
        Set<UUID> current = new HashSet<>(jdbc.queryForList("""
                SELECT id FROM strategies.strategy WHERE media_id = ? AND run_id = ? FOR UPDATE""", UUID.class,
                mediaId, runId));
        retireAll(mediaId, runId, now);
        Timestamp at = Timestamp.from(now);
        for (Decided d : decided) {
            if (!current.contains(d.candidate().id())) {
                continue;
            }
            jdbc.update("""
                    UPDATE strategies.strategy SET backtest = CAST(? AS jsonb), tested_definition = CAST(? AS jsonb),
                        decision = ?, decision_reasons = CAST(? AS jsonb), decided_at = ?
                    WHERE id = ?""",
                    d.result() == null ? null : JSON.writeValueAsString(StoredBacktest.of(d.result(), d.verdict())),
                    d.result() == null || d.result().testedDefinition() == null ? null
                            : StrategyJson.toJson(d.result().testedDefinition()),
                    d.verdict().decision(), JSON.writeValueAsString(d.verdict().reasons()), at, d.candidate().id());
            if (d.verdict().promoted()) {
                jdbc.update("""
                        INSERT INTO strategies.proven_strategy (id, strategy_id, status, score, promoted_at,
                                                                status_changed_at)
                        VALUES (?, ?, 'promoted', ?, ?, ?)
                        ON CONFLICT (strategy_id) DO UPDATE SET status = 'promoted', score = EXCLUDED.score,
                            promoted_at = EXCLUDED.promoted_at, status_changed_at = EXCLUDED.status_changed_at""",
                        UUID.randomUUID(), d.candidate().id(), d.verdict().deflatedSharpe(), at, at);
            }
        }
    }

    /** Every proven entry of the run's candidates that is not yet retired becomes retired. */
    private void retireAll(UUID mediaId, UUID runId, Instant now) {
        jdbc.update("""
                UPDATE strategies.proven_strategy SET status = 'retired', status_changed_at = ?
                WHERE status <> 'retired'
                  AND strategy_id IN (SELECT id FROM strategies.strategy WHERE media_id = ? AND run_id = ?)""",
                Timestamp.from(now), mediaId, runId);
    }

    record Candidate(UUID id, String key, String name) {
    }

    /** @param result stage 9's result for the candidate; null when it reported none */
    record Decided(Candidate candidate, StrategyResult result, StrategyJudge.Verdict verdict) {
    }

    /** The {@code backtest} column: stage 9's result for the candidate with the deflated Sharpe ratio stage 10 found. */
    record StoredBacktest(List<?> datasets, Object tuning, List<String> notes, List<?> violations,
                          Double deflatedSharpe) {

        static StoredBacktest of(StrategyResult result, StrategyJudge.Verdict verdict) {
            return new StoredBacktest(result.datasets(), result.tuning(), result.notes(), result.violations(),
                    verdict.deflatedSharpe());
        }
    }
}
