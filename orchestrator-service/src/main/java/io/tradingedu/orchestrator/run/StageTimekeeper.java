package io.tradingedu.orchestrator.run;

import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resumes runs that nobody else will move: a stage whose worker died or whose message was lost (lease expired) and a
 * stage whose retry is due. Because the state lives in the database, this also resumes runs after a restart.
 *
 * <p>Several orchestrator instances tick side by side, so each run is claimed before it is acted on: its row is
 * locked with {@code FOR UPDATE SKIP LOCKED} in the transaction that acts, and the run is read only after that. An
 * instance that finds the run locked skips it (another is acting on it); one that gets the lock after another's
 * action committed reads the new state, in which the timer is no longer due, and does nothing. So one expired lease
 * leads to one action. The run's {@code @Version} guards the rest: an outcome that arrives at the same moment makes
 * one of the two transactions roll back, with its outbox messages.
 */
@Component
@CoordinatorRole
class StageTimekeeper {

    private static final Logger log = LoggerFactory.getLogger(StageTimekeeper.class);

    private final PipelineRunRepository runs;
    private final RunService service;
    private final TransactionTemplate transactions;
    private final Clock clock;

    StageTimekeeper(PipelineRunRepository runs, RunService service, TransactionTemplate transactions, Clock clock) {
        this.runs = runs;
        this.service = service;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${pipeline.timekeeper-interval:1s}")
    void tick() {
        for (UUID runId : runs.findRunsWithTimerDue(clock.instant())) {
            try {
                transactions.executeWithoutResult(status -> {
                    if (runs.claimUnlessLocked(runId).isPresent()) {
                        service.onTimer(runId);
                    }
                });
            } catch (OptimisticLockingFailureException e) {
                log.debug("run {} changed concurrently; the next tick looks again", runId);
            }
        }
    }
}
