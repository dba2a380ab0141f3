package io.tradingedu.orchestrator.run;

import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resumes runs that nobody else will move: a stage whose worker died or whose message was lost (lease expired) and a
 * stage whose retry is due. Because the state lives in the database, this also resumes runs after a restart.
 */
@Component
@CoordinatorRole
class StageTimekeeper {

    private static final Logger log = LoggerFactory.getLogger(StageTimekeeper.class);

    private final PipelineRunRepository runs;
    private final RunService service;
    private final Clock clock;

    StageTimekeeper(PipelineRunRepository runs, RunService service, Clock clock) {
        this.runs = runs;
        this.service = service;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${pipeline.timekeeper-interval:1s}")
    void tick() {
        for (UUID runId : runs.findRunsWithTimerDue(clock.instant())) {
            try {
                service.onTimer(runId);
            } catch (OptimisticLockingFailureException e) {
                log.debug("run {} changed concurrently; the next tick looks again", runId);
            }
        }
    }
}
