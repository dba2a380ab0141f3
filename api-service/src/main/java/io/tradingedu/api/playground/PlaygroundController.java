package io.tradingedu.api.playground;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradingedu.support.web.Problems;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's Playground: write a strategy in the compact text, see its problems at their lines, backtest it on
 * a dataset (charts: {@code GET /dashboard/backtests/{id}/chart}) or sweep one or two of its numbers into a heatmap.
 * The page may contact only api-service, so the runs go through here to backtesting-service.
 */
@RestController
@Tag(name = "Playground", description = "Check, backtest and sweep a strategy written in the compact text")
class PlaygroundController {

    private final Playground playground;

    PlaygroundController(Playground playground) {
        this.playground = playground;
    }

    @PostMapping("/playground/check")
    @Operation(summary = "Check a compact strategy text (read scope)", description = "200 with valid, every problem "
            + "at its line and column, and when valid the strategy's JSON, its normalised text and the numbers a "
            + "sweep may vary. 400 for an empty text or one over DASHBOARD_PLAYGROUND_MAX_TEXT_CHARS.")
    StrategyCheck check(@RequestBody PlaygroundRequests.Check request) {
        return playground.check(request.text());
    }

    @GetMapping("/playground/datasets")
    @Operation(summary = "The market data a strategy can be tested on: symbol, timeframe, first and last bar, bars")
    JsonNode datasets() {
        return playground.datasets();
    }

    @PostMapping("/playground/backtests")
    @Operation(summary = "Backtest a strategy text on a dataset (write scope)", description = "201 when done, 202 "
            + "while queued (follow GET /playground/backtests/{id}). 400 invalid-strategy-text with problems at "
            + "their lines; backtesting-service's refusals (no bars in the range, limits, 429 queue full) as its "
            + "problems.")
    ResponseEntity<PlaygroundRun> backtest(@RequestBody PlaygroundRequests.Backtest request) {
        return answer(playground.backtest(request));
    }

    @PostMapping("/playground/sweeps")
    @Operation(summary = "Sweep one or two of a strategy's numbers into a heatmap (write scope)", description = "At "
            + "most DASHBOARD_PLAYGROUND_MAX_VARIANTS variants; every variant ranked by the metric, as a grid with "
            + "the best cell's neighbour check. 201 when done, 202 while queued.")
    ResponseEntity<PlaygroundRun> sweep(@RequestBody PlaygroundRequests.Sweep request) {
        return answer(playground.sweep(request));
    }

    @GetMapping("/playground/backtests/{id}")
    @Operation(summary = "A Playground backtest: status, error, metrics per period")
    PlaygroundRun backtest(@PathVariable UUID id) {
        return playground.run(id, "backtest");
    }

    @GetMapping("/playground/sweeps/{id}")
    @Operation(summary = "A Playground sweep: status, error, the heatmap")
    PlaygroundRun sweep(@PathVariable UUID id) {
        return playground.run(id, "sweep");
    }

    private static ResponseEntity<PlaygroundRun> answer(PlaygroundRun run) {
        return ResponseEntity.status("completed".equals(run.status()) ? HttpStatus.CREATED : HttpStatus.ACCEPTED)
                .body(run);
    }

    /** Ordered first: the shared advice's catch-all would answer it as a 500. */
    @RestControllerAdvice(assignableTypes = PlaygroundController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Problem {

        @ExceptionHandler
        ProblemDetail invalidText(InvalidStrategyTextException e) {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-strategy-text",
                    "Strategy text not valid", e.getMessage());
            problem.setProperty("field", "text");
            problem.setProperty("problems", e.problems());
            return problem;
        }
    }
}
