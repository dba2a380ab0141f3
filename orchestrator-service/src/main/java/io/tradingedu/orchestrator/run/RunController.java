package io.tradingedu.orchestrator.run;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@CoordinatorRole
@RequestMapping("/runs")
@Tag(name = "Pipeline runs", description = "Run state and control; api-service forwards its cancel and retry here")
class RunController {

    private final RunService service;

    RunController(RunService service) {
        this.service = service;
    }

    @GetMapping("/{runId}")
    @Operation(summary = "A run with per-stage status, attempts, durations and errors")
    RunView get(@PathVariable UUID runId) {
        return RunView.of(service.find(runId));
    }

    @GetMapping
    @Operation(summary = "The runs of one media item, newest first")
    List<RunView> byMedia(@RequestParam UUID mediaId) {
        return service.findByMedia(mediaId).stream().map(RunView::of).toList();
    }

    @PostMapping("/{runId}/cancel")
    @Operation(summary = "Cancel a pending or running run (409 when it already ended)")
    RunView cancel(@PathVariable UUID runId) {
        return RunView.of(service.cancel(runId, "cancelled by request"));
    }

    @PostMapping("/{runId}/retry")
    @Operation(summary = "Retry a failed run from the stage that failed (409 unless the run failed)")
    RunView retry(@PathVariable UUID runId) {
        return RunView.of(service.retry(runId));
    }
}
