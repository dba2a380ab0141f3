package io.tradingedu.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tradingedu.orchestrator.OrchestratorIT;
import io.tradingedu.shared.pipeline.MediaIngested;
import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.StageFailed;
import io.tradingedu.shared.pipeline.PipelineMessage;
import io.tradingedu.support.metrics.MetricNames;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The stage metrics and run gauges as the running orchestrator records them (Hibernate calls StageMetrics). */
@OrchestratorIT
class StageMetricsIT {

    @Autowired
    RunService runs;
    @Autowired
    MeterRegistry registry;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aStageFailedByItsWorkerIsTimedAsFailedAndTheRunCountedAsFailed() {
        MediaIngested ingested = MediaIngested.of(UUID.randomUUID(), UUID.randomUUID(), "/nowhere/metrics.mp4",
                "metrics.mp4", "0".repeat(64), 1);
        transactions.executeWithoutResult(status -> {
            runs.startRun(ingested);
            // no worker takes it up: this test answers for it
            jdbc.update("DELETE FROM outbox_message WHERE message_key = ? AND topic = ?",
                    ingested.mediaId().toString(), PipelineStage.VALIDATE.commandsTopic());
        });
        long failedBefore = failedValidations();

        runs.recordOutcome(new StageFailed(UUID.randomUUID(), ingested.runId(), ingested.mediaId(), Instant.now(),
                PipelineMessage.SCHEMA_VERSION, PipelineStage.VALIDATE, 1, "not a video file", false));

        StageExecution validate = runs.find(ingested.runId()).stage(PipelineStage.VALIDATE);
        assertThat(validate.getStatus()).isEqualTo(StageStatus.FAILED);
        // other tests' runs may end meanwhile, never fewer than this one
        assertThat(failedValidations()).isGreaterThanOrEqualTo(failedBefore + 1);
        assertThat(registry.get(MetricNames.RUNS).tag("status", "failed").gauge().value()).isGreaterThanOrEqualTo(1);
        assertThat(registry.get(MetricNames.RUNS_STUCK).gauge().value()).isNotNaN();
    }

    private long failedValidations() {
        Timer timer = registry.find(MetricNames.STAGE_DURATION).tags("stage", "validate", "outcome", "failed").timer();
        return timer == null ? 0 : timer.count();
    }
}
