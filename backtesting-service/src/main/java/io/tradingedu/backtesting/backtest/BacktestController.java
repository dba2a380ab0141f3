package io.tradingedu.backtesting.backtest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradingedu.backtesting.engine.BacktestReport;
import io.tradingedu.backtesting.engine.EquityCurve;
import io.tradingedu.backtesting.engine.ExitReason;
import io.tradingedu.backtesting.engine.PeriodResult;
import io.tradingedu.shared.strategy.Direction;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@Tag(name = "Backtests", description = "Run strategies on market data; results, trades and equity curves")
@Validated
class BacktestController {

    /** How many trades or equity points there are, when the answer holds fewer. */
    static final String TOTAL_COUNT = "X-Total-Count";

    private final BacktestService backtests;

    BacktestController(BacktestService backtests) {
        this.backtests = backtests;
    }

    @PostMapping("/backtest")
    @Operation(summary = "Backtest a strategy", description = "Signals on each bar's close, fills at the next open "
            + "(fill: signal_close to fill at the close), stops and targets intrabar. plan.mode: single, split "
            + "(in_sample_fraction) or walk_forward (window_bars, step_bars). Small jobs answer 201 with the result, "
            + "large ones 202 with a Location to poll.")
    ResponseEntity<BacktestView> backtest(@RequestBody BacktestRequest request) {
        return answer(backtests.backtest(request), "/backtest/");
    }

    @PostMapping("/optimize")
    @Operation(summary = "Sweep strategy parameters", description = "Every combination of the parameter ranges "
            + "(paths into the strategy JSON, e.g. entry.left.params.period), run in parallel, ranked by metric, "
            + "with the metric of the best variant's neighbours as a robustness check.")
    ResponseEntity<BacktestView> optimize(@RequestBody OptimizeRequest request) {
        return answer(backtests.optimize(request), "/optimize/");
    }

    @GetMapping({"/backtest/{id}", "/optimize/{id}"})
    @Operation(summary = "A backtest or optimisation: status, request and summary")
    BacktestView get(@PathVariable UUID id) {
        return backtests.get(id);
    }

    @PostMapping({"/backtest/{id}/cancel", "/optimize/{id}/cancel"})
    @Operation(summary = "Cancel a queued or running job", description = "The job is marked FAILED with an error "
            + "saying it was cancelled; a running sweep or walk-forward test stops at its next variant or window. "
            + "404 for an unknown id, 409 when the job has already completed or failed.")
    BacktestView cancel(@PathVariable UUID id) {
        return backtests.cancel(id);
    }

    @GetMapping("/backtest/{id}/metrics")
    @Operation(summary = "Metrics per tested period (and the walk-forward summary)")
    BacktestView.MetricsView metrics(@PathVariable UUID id) {
        return BacktestView.MetricsView.of(backtests.report(id));
    }

    @GetMapping("/backtest/{id}/trades")
    @Operation(summary = "Closed trades, optionally of one period (full, in_sample, out_of_sample, window_N)",
            description = "limit: at most this many, the first in period order; X-Total-Count says how many there "
                    + "are.")
    ResponseEntity<List<TradeView>> trades(@PathVariable UUID id, @RequestParam(required = false) String period,
                                           @RequestParam(required = false) @Min(1) Integer limit) {
        List<PeriodResult> tested = periods(backtests.report(id), period).toList();
        long total = tested.stream().mapToLong(p -> p.trades().size()).sum();
        List<TradeView> trades = tested.stream()
                .flatMap(p -> p.trades().stream().map(t -> new TradeView(p.label(), t.side(), t.entryTime(),
                        t.entryPrice(), t.exitTime(), t.exitPrice(), t.quantity(), t.pnl(), t.pnlPercent(),
                        t.commission(), t.barsHeld(), t.exitReason())))
                .limit(limit == null ? Long.MAX_VALUE : limit)
                .toList();
        return ResponseEntity.ok().header(TOTAL_COUNT, String.valueOf(total)).body(trades);
    }

    @GetMapping("/backtest/{id}/equity")
    @Operation(summary = "Equity on every bar's close with its drawdown from the running peak",
            description = "max_points: thinned to every k-th bar, each period's first and last kept, so a chart "
                    + "reads a bounded answer whatever the test's length; X-Total-Count says how many there are.")
    ResponseEntity<List<EquityPoint>> equity(@PathVariable UUID id, @RequestParam(required = false) String period,
                                             @RequestParam(name = "max_points", required = false) @Min(2)
                                             Integer maxPoints) {
        List<PeriodResult> tested = periods(backtests.report(id), period).toList();
        long total = tested.stream().mapToLong(p -> p.equity().size()).sum();
        // each period's last point is kept beside every k-th: leave room for those ends so the answer stays within
        // max_points (a caller would otherwise thin it again, to about half)
        long budget = maxPoints == null ? total : Math.max(1, maxPoints - 2L * tested.size());
        long step = maxPoints == null || total <= maxPoints ? 1 : Math.max(1, (total + budget - 1) / budget);
        List<EquityPoint> points = new ArrayList<>();
        tested.forEach(p -> {
            EquityCurve curve = p.equity();
            double[] drawdown = curve.drawdown();
            for (int i = 0; i < curve.size(); i++) {
                if (i % step == 0 || i == curve.size() - 1) {
                    points.add(new EquityPoint(p.label(), curve.times()[i], curve.equity()[i], drawdown[i]));
                }
            }
        });
        return ResponseEntity.ok().header(TOTAL_COUNT, String.valueOf(total)).body(points);
    }

    private static Stream<PeriodResult> periods(BacktestReport report, String period) {
        if (period == null) {
            return report.periods().stream();
        }
        List<PeriodResult> matching = report.periods().stream().filter(p -> p.label().equals(period)).toList();
        if (matching.isEmpty()) {
            throw new IllegalArgumentException("period '" + period + "' is not one of "
                    + report.periods().stream().map(PeriodResult::label).toList());
        }
        return matching.stream();
    }

    private static ResponseEntity<BacktestView> answer(BacktestView view, String path) {
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path(path + "{id}")
                .buildAndExpand(view.id()).toUri();
        HttpStatus status = view.status() == BacktestStatus.COMPLETED ? HttpStatus.CREATED : HttpStatus.ACCEPTED;
        return ResponseEntity.status(status).location(location).body(view);
    }

    record TradeView(String period, Direction side, Instant entryTime, double entryPrice, Instant exitTime,
                     double exitPrice, double quantity, double pnl, double pnlPercent, double commission,
                     int barsHeld, ExitReason exitReason) {
    }

    record EquityPoint(String period, Instant time, double equity, double drawdown) {
    }
}
