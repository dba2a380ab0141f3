package io.tradingedu.orchestrator.strategies.evaluation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradingedu.support.web.Problems;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestController
@Tag(name = "Proven strategies", description = "The life cycle of strategies stage 10 promoted")
class ProvenStrategyController {

    private final ProvenStrategyLifecycle lifecycle;

    ProvenStrategyController(ProvenStrategyLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    record StatusChange(String status) {
    }

    @PostMapping("/proven_strategies/{id}/status")
    @Operation(summary = "Marks a proven strategy active or retired",
            description = "promoted → active → retired (a promoted one may be retired at once). Setting the current "
                    + "status again changes nothing. 400 for another status, 404 for an unknown id, 409 for a step "
                    + "back (e.g. retired → active: only stage 10 promotes again).")
    ProvenStrategyLifecycle.StatusView change(@PathVariable UUID id,
                                              @RequestBody(required = false) StatusChange body) {
        return lifecycle.change(id, body == null ? null : body.status());
    }

    /**
     * Ahead of the service-wide advice, whose catch-all would answer these with a 500. A bad status is the shared
     * {@code BadFieldException}, which that advice answers with a 400 naming the field.
     */
    @RestControllerAdvice(assignableTypes = ProvenStrategyController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Problems404And409 {

        @ExceptionHandler
        ProblemDetail notFound(ProvenStrategyLifecycle.ProvenStrategyNotFoundException e) {
            return Problems.of(HttpStatus.NOT_FOUND, "proven-strategy-not-found", "Proven strategy not found",
                    e.getMessage());
        }

        @ExceptionHandler
        ProblemDetail conflict(ProvenStrategyLifecycle.IllegalStatusChangeException e) {
            return Problems.of(HttpStatus.CONFLICT, "illegal-status-change", "Status cannot change that way",
                    e.getMessage());
        }
    }
}
