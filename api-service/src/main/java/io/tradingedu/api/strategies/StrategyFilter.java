package io.tradingedu.api.strategies;

import io.tradingedu.api.support.BadParameterException;
import io.tradingedu.api.support.Params;
import io.tradingedu.api.support.SqlConditions;
import java.util.List;
import java.util.UUID;

/**
 * The filters of {@code GET /strategies}, checked. Metric minimums read what stage 10 judged (its reasons hold the
 * out-of-sample values); every value travels as a bind parameter.
 *
 * @param decision      promoted, rejected or pending (not yet decided)
 * @param status        the proven strategy's status: promoted, active or retired
 * @param minSharpe     out-of-sample Sharpe ratio at least this (annualised)
 * @param maxDrawdown   out-of-sample maximum drawdown at most this (a fraction)
 * @param minDeflated   deflated Sharpe ratio at least this (a probability)
 * @param minTrades     out-of-sample trades at least this
 */
record StrategyFilter(UUID mediaId, String decision, String status, Double minSharpe, Double maxDrawdown,
                      Double minDeflated, Integer minTrades) {

    static final List<String> DECISIONS = List.of("promoted", "rejected", "pending");
    static final List<String> STATUSES = List.of("promoted", "active", "retired");
    /** Sharpe ratios beyond this are not results but errors; bounding it keeps the filter meaningful. */
    private static final double SHARPE_LIMIT = 100;

    static StrategyFilter of(UUID mediaId, String decision, String status, Double minSharpe, Double maxDrawdown,
                             Double minDeflated, Integer minTrades) {
        if (minSharpe != null && !(Math.abs(minSharpe) <= SHARPE_LIMIT)) {
            throw new BadParameterException("min_sharpe", "must be between -" + (int) SHARPE_LIMIT + " and "
                    + (int) SHARPE_LIMIT + "; got " + minSharpe);
        }
        if (minTrades != null && minTrades < 0) {
            throw new BadParameterException("min_trades", "must be 0 or more; got " + minTrades);
        }
        return new StrategyFilter(mediaId, Params.oneOf("decision", decision, DECISIONS),
                Params.oneOf("status", status, STATUSES), minSharpe, Params.fraction("max_drawdown", maxDrawdown),
                Params.fraction("min_deflated_sharpe", minDeflated), minTrades);
    }

    private SqlConditions conditions() {
        return new SqlConditions()
                .and("media_id = ?", mediaId)
                .and("COALESCE(decision, 'pending') = ?", decision)
                .and("id IN (SELECT strategy_id FROM strategies.proven_strategies_v1 WHERE status = ?)", status)
                .and(reason("out_of_sample_sharpe", ">="), minSharpe)
                .and(reason("max_drawdown", "<="), maxDrawdown)
                .and(reason("deflated_sharpe", ">="), minDeflated)
                .and(reason("trades", ">="), minTrades);
    }

    private static String reason(String criterion, String comparison) {
        return "EXISTS (SELECT 1 FROM jsonb_array_elements(decision_reasons) r WHERE r->>'criterion' = '"
                + criterion + "' AND jsonb_typeof(r->'value') = 'number' AND (r->>'value')::float8 " + comparison
                + " ?)";
    }

    String where() {
        return conditions().where();
    }

    List<Object> arguments() {
        return conditions().arguments();
    }
}
