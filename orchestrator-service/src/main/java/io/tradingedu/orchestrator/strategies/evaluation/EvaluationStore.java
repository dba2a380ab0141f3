package io.tradingedu.orchestrator.strategies.evaluation;

import io.tradingedu.shared.pipeline.StrategiesBacktested.StrategyResult;
import io.tradingedu.shared.strategy.StrategyJson;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stage 10's writes in the {@code strategies} schema: each candidate's backtest, tested variant and decision, and the
 * proven strategies. Re-evaluating a media item first retires every proven entry it had; a candidate promoted again
 * gets its entry back as {@code promoted} (one entry per candidate).
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

    /** The media item's candidates in the order stage 8 wrote them. */
    List<Candidate> candidates(UUID mediaId) {
        return jdbc.query("""
                SELECT id, key, name FROM strategies.strategy WHERE media_id = ?
                ORDER BY created_at, length(key), key""",
                (rs, i) -> new Candidate(rs.getObject("id", UUID.class), rs.getString("key"), rs.getString("name")),
                mediaId);
    }

    void record(UUID mediaId, List<Decided> decided, Instant now) {
        retireAll(mediaId, now);
        Timestamp at = Timestamp.from(now);
        for (Decided d : decided) {
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

    /** Every proven entry of the media item that is not yet retired becomes retired. */
    void retireAll(UUID mediaId, Instant now) {
        jdbc.update("""
                UPDATE strategies.proven_strategy SET status = 'retired', status_changed_at = ?
                WHERE status <> 'retired'
                  AND strategy_id IN (SELECT id FROM strategies.strategy WHERE media_id = ?)""",
                Timestamp.from(now), mediaId);
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
