package io.tradingedu.orchestrator.run;

import io.tradingedu.shared.pipeline.MediaIngested;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.RunStatus;
import io.tradingedu.shared.pipeline.RunStatusChanged;
import io.tradingedu.shared.pipeline.StageCommand;
import io.tradingedu.shared.pipeline.StageCompleted;
import io.tradingedu.shared.pipeline.StageFailed;
import io.tradingedu.shared.pipeline.StageOutcome;
import io.tradingedu.shared.pipeline.StageProgressed;
import io.tradingedu.shared.pipeline.Topics;
import io.tradingedu.support.messaging.Outbox;
import io.tradingedu.support.messaging.ProcessedEvents;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The run use cases. Each one changes a run and records the messages it causes (the next stage command, the run's
 * new status) in the same transaction, through the outbox.
 *
 * <p>Every use case that changes a run locks the run's row ({@code SELECT … FOR UPDATE}) before it reads it, as the
 * timekeeper does ({@link StageTimekeeper}): one lock order (the run's row, then its stages' rows) for everyone, so
 * two changes to one run wait for each other instead of deadlocking (Hibernate may write a stage's row before the
 * run's), and each reads the run as the one before left it.
 */
@Service
@CoordinatorRole
public class RunService {

    private static final Logger log = LoggerFactory.getLogger(RunService.class);
    static final String CONSUMER = "orchestrator";

    private final PipelineRunRepository runs;
    private final StageCommands commands;
    private final Outbox outbox;
    private final ProcessedEvents processed;
    private final PipelineProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RunService(PipelineRunRepository runs, StageCommands commands, Outbox outbox, ProcessedEvents processed,
               PipelineProperties properties, Clock clock, ApplicationEventPublisher events) {
        this.runs = runs;
        this.commands = commands;
        this.outbox = outbox;
        this.processed = processed;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public void startRun(MediaIngested ingested) {
        if (!processed.firstDelivery(CONSUMER, ingested.eventId()) || runs.existsById(ingested.runId())) {
            return;
        }
        var run = new PipelineRun(ingested.runId(), ingested.mediaId(), ingested.mediaPath(), properties.stages(),
                clock.instant());
        StageDispatch first = run.start(clock.instant(), policies());
        runs.save(run);
        log.info("run {} for media {} started with stages {}", run.getId(), run.getMediaId(), properties.stages());
        dispatch(run, first);
        publishStatus(run);
    }

    @Transactional
    public void recordOutcome(StageOutcome outcome) {
        if (!processed.firstDelivery(CONSUMER, outcome.eventId())) {
            return;
        }
        runs.lock(outcome.runId());
        runs.findById(outcome.runId()).ifPresentOrElse(run -> apply(run, outcome),
                () -> log.info("ignoring {} for unknown run {}", outcome.getClass().getSimpleName(), outcome.runId()));
    }

    /**
     * Progress is idempotent (the latest message wins) and frequent, so it is not recorded as processed. It changes
     * only the stage's row, not the run's, so the run's version would not catch a race; the lock does: without it a
     * progress report read before the timekeeper failed or re-dispatched the stage would be written after it,
     * putting the stage back to running its old attempt.
     */
    @Transactional
    public void recordProgress(StageProgressed progressed) {
        if (runs.lock(progressed.runId()).isEmpty()) {
            return;
        }
        runs.findById(progressed.runId()).ifPresent(run -> run.recordProgress(progressed.stage(),
                progressed.attempt(), progressed.progress(), clock.instant(), policies()));
    }

    /** Called by the timekeeper in the transaction in which it claimed (locked) the run. */
    @Transactional
    public void onTimer(UUID runId) {
        runs.findById(runId).ifPresent(run -> {
            var before = Snapshot.of(run);
            run.onTimer(clock.instant(), policies()).ifPresent(next -> dispatch(run, next));
            publishIfChanged(run, before);
        });
    }

    @Transactional
    public PipelineRun cancel(UUID runId, String reason) {
        runs.lock(runId);
        PipelineRun run = find(runId);
        run.cancel(reason, clock.instant());
        publishStatus(run);
        return run;
    }

    @Transactional
    public PipelineRun retry(UUID runId) {
        runs.lock(runId);
        PipelineRun run = find(runId);
        dispatch(run, run.retryFailedStage(clock.instant(), policies()));
        publishStatus(run);
        return run;
    }

    /** The media item is gone: its runs stop and their records are deleted. */
    @Transactional
    public void forgetMedia(UUID eventId, UUID mediaId) {
        if (processed.firstDelivery(CONSUMER, eventId)) {
            runs.lockByMedia(mediaId);
            List<PipelineRun> removed = runs.findByMediaIdOrderByCreatedAtDesc(mediaId);
            runs.deleteAll(removed);
            runs.flush();
            events.publishEvent(new MediaForgotten(mediaId));
            log.info("deleted {} run(s) of deleted media {}", removed.size(), mediaId);
        }
    }

    @Transactional(readOnly = true)
    public PipelineRun find(UUID runId) {
        return runs.findById(runId).orElseThrow(() -> new RunNotFoundException(runId));
    }

    @Transactional(readOnly = true)
    public List<PipelineRun> findByMedia(UUID mediaId) {
        return runs.findByMediaIdOrderByCreatedAtDesc(mediaId);
    }

    private void apply(PipelineRun run, StageOutcome outcome) {
        var before = Snapshot.of(run);
        if (outcome instanceof StageFailed failed) {
            run.recordFailure(failed.stage(), failed.attempt(), failed.reason(), failed.retryable(), clock.instant(),
                    policies());
        } else {
            boolean wasDone = run.stage(outcome.stage()).getStatus() == StageStatus.SUCCEEDED;
            Optional<StageDispatch> next = run.recordSuccess(outcome.stage(), outcome.attempt(), outcome.summary(),
                    PipelineMessages.toJson(outcome), clock.instant(), policies());
            if (!wasDone && run.stage(outcome.stage()).getStatus() == StageStatus.SUCCEEDED) {
                outbox.publish(Topics.RUN_EVENTS, StageCompleted.of(outcome));
            }
            next.ifPresent(dispatch -> dispatch(run, dispatch));
        }
        publishIfChanged(run, before);
    }

    private void dispatch(PipelineRun run, StageDispatch dispatch) {
        StageCommand command = commands.create(run, dispatch);
        outbox.publish(dispatch.stage().commandsTopic(), command);
        log.info("run {}: dispatched stage {} ({}) attempt {}", run.getId(), dispatch.stage().number(),
                dispatch.stage().slug(), dispatch.attempt());
    }

    private void publishIfChanged(PipelineRun run, Snapshot before) {
        if (!before.equals(Snapshot.of(run))) {
            publishStatus(run);
        }
    }

    private void publishStatus(PipelineRun run) {
        outbox.publish(Topics.RUN_EVENTS, RunStatusChanged.of(run.getId(), run.getMediaId(), run.getStatus(),
                run.getCurrentStage(), run.getFailureReason()));
        if (run.getStatus().isTerminal()) {
            log.info("run {} {}{}", run.getId(), run.getStatus(),
                    run.getFailureReason() == null ? "" : ": " + run.getFailureReason());
        }
    }

    private Function<PipelineStage, StagePolicy> policies() {
        return properties::policyFor;
    }

    /** What the outside world sees of a run; a change is announced as {@link RunStatusChanged}. */
    private record Snapshot(RunStatus status, PipelineStage stage) {
        static Snapshot of(PipelineRun run) {
            return new Snapshot(run.getStatus(), run.getCurrentStage());
        }
    }
}
