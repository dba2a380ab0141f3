package io.tradingedu.api.strategies;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradingedu.api.support.NotFoundException;
import io.tradingedu.api.support.Paging;
import io.tradingedu.api.support.Params;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Strategies", description = "Strategies generated from lessons, their backtests and stage 10's decisions")
class StrategyController {

    private final StrategyReader strategies;

    StrategyController(StrategyReader strategies) {
        this.strategies = strategies;
    }

    @GetMapping("/strategies")
    @Operation(summary = "Candidate strategies, newest decisions first, filtered and paged, with the total that match",
            description = "Metrics are the out-of-sample values stage 10 judged, as fractions (0.3 = 30 %). 400 "
                    + "naming the field for a limit outside 1..200, a negative skip, an unknown decision or status, "
                    + "a fraction outside 0..1 or a negative min_trades.")
    Paging.Page<StrategyViews.Summary> list(
            @Parameter(description = "only this media item's strategies") @RequestParam(name = "media_id",
                    required = false) UUID mediaId,
            @Parameter(description = "promoted, rejected or pending") @RequestParam(required = false) String decision,
            @Parameter(description = "status of the proven strategy: promoted, active or retired")
            @RequestParam(required = false) String status,
            @Parameter(description = "out-of-sample Sharpe ratio at least this (annualised)")
            @RequestParam(name = "min_sharpe", required = false) Double minSharpe,
            @Parameter(description = "out-of-sample maximum drawdown at most this fraction")
            @RequestParam(name = "max_drawdown", required = false) Double maxDrawdown,
            @Parameter(description = "deflated Sharpe ratio at least this probability")
            @RequestParam(name = "min_deflated_sharpe", required = false) Double minDeflatedSharpe,
            @Parameter(description = "out-of-sample trades at least this")
            @RequestParam(name = "min_trades", required = false) Integer minTrades,
            @Parameter(description = "1 to 200") @RequestParam(defaultValue = "20") int limit,
            @RequestParam(defaultValue = "0") int skip) {
        return strategies.find(StrategyFilter.of(mediaId, decision, status, minSharpe, maxDrawdown, minDeflatedSharpe,
                minTrades), new Paging(skip, limit));
    }

    @GetMapping("/strategies/{id}")
    @Operation(summary = "One strategy: language JSON and compact text, evidence with clip links, assumed fields, "
            + "backtests with links to the backtesting service, decision and reasons (404 when unknown)")
    StrategyViews.Detail get(@PathVariable UUID id) {
        return strategies.get(id).orElseThrow(() -> new NotFoundException("strategy", "no strategy with id " + id));
    }

    @GetMapping("/proven_strategies")
    @Operation(summary = "Proven strategies ranked by score (their deflated Sharpe ratio), paged, with the total",
            description = "status: promoted, active or retired (all when absent). 400 naming the field for an "
                    + "unknown status, a limit outside 1..200 or a negative skip.")
    Paging.Page<StrategyViews.ProvenStrategy> proven(
            @Parameter(description = "promoted, active or retired") @RequestParam(required = false) String status,
            @Parameter(description = "1 to 200") @RequestParam(defaultValue = "20") int limit,
            @RequestParam(defaultValue = "0") int skip) {
        return strategies.proven(Params.oneOf("status", status, StrategyFilter.STATUSES), new Paging(skip, limit));
    }
}
