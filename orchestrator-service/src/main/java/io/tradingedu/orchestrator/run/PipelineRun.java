package io.tradingedu.orchestrator.run;

import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.RunStatus;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * One video's way through the pipeline: pending → running(stage) → completed | failed(stage, reason) | cancelled.
 * Every change goes through a method here; the methods that answer a worker return the next {@link StageDispatch}
 * (if any) for the caller to send. Outcomes that arrive late or twice are ignored, illegal requests throw.
 */
@Entity
@Table(name = "pipeline_run")
public class PipelineRun {

    @Id
    private UUID id;

    private UUID mediaId;
    private String mediaPath;

    @Enumerated(EnumType.STRING)
    private RunStatus status;

    @Enumerated(EnumType.STRING)
    private PipelineStage currentStage;

    private String failureReason;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant finishedAt;

    @Version
    private long version;

    // A run has at most ten stages and is always read whole.
    @OneToMany(mappedBy = "run", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("position")
    private List<StageExecution> stages = new ArrayList<>();

    protected PipelineRun() {
    }

    public PipelineRun(UUID id, UUID mediaId, String mediaPath, List<PipelineStage> plan, Instant now) {
        if (plan.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one stage");
        }
        this.id = id;
        this.mediaId = mediaId;
        this.mediaPath = mediaPath;
        this.status = RunStatus.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
        for (int i = 0; i < plan.size(); i++) {
            stages.add(new StageExecution(this, plan.get(i), i + 1));
        }
    }

    /** Starts the first stage. */
    public StageDispatch start(Instant now, Function<PipelineStage, StagePolicy> policies) {
        if (status != RunStatus.PENDING) {
            throw new IllegalRunTransitionException("run " + id + " is " + status + "; only a pending run can start");
        }
        status = RunStatus.RUNNING;
        return begin(stages.getFirst(), now, policies);
    }

    /** A worker reported success; returns the next stage to dispatch, empty when the run completed or it was stale. */
    public Optional<StageDispatch> recordSuccess(PipelineStage stage, int attempt, String summary, String output,
                                                 Instant now, Function<PipelineStage, StagePolicy> policies) {
        StageExecution execution = current().filter(e -> e.getStage() == stage).orElse(null);
        boolean awaitingResult = execution != null && (execution.getStatus() == StageStatus.RUNNING
                || execution.getStatus() == StageStatus.RETRY_WAIT);
        if (!awaitingResult || attempt > execution.getAttempt()) {
            return Optional.empty();
        }
        execution.succeed(now, summary, output);
        int next = stages.indexOf(execution) + 1;
        if (next == stages.size()) {
            finish(RunStatus.COMPLETED, null, now);
            return Optional.empty();
        }
        return Optional.of(begin(stages.get(next), now, policies));
    }

    /**
     * A worker reported failure. Retryable failures schedule another attempt while the stage has attempts left;
     * the rest fail the run. Returns whether anything changed (false for stale or duplicate reports).
     */
    public boolean recordFailure(PipelineStage stage, int attempt, String reason, boolean retryable, Instant now,
                                 Function<PipelineStage, StagePolicy> policies) {
        StageExecution execution = current().filter(e -> e.getStage() == stage).orElse(null);
        if (execution == null || execution.getStatus() != StageStatus.RUNNING || execution.getAttempt() != attempt) {
            return false;
        }
        failAttempt(execution, reason, retryable, now, policies);
        return true;
    }

    /** A worker says it is still busy with the current stage: shown in the run, and the lease is renewed. */
    public boolean recordProgress(PipelineStage stage, int attempt, String message, Instant now,
                                  Function<PipelineStage, StagePolicy> policies) {
        StageExecution execution = current().filter(e -> e.getStage() == stage).orElse(null);
        return execution != null && execution.progressed(attempt, message, now, policies.apply(stage));
    }

    /**
     * Called by the timekeeper: a stage whose lease expired counts as a retryable failure (its worker died or its
     * message was lost); a stage whose retry is due gets its next attempt, returned for dispatch.
     */
    public Optional<StageDispatch> onTimer(Instant now, Function<PipelineStage, StagePolicy> policies) {
        StageExecution execution = current().orElse(null);
        if (execution == null) {
            return Optional.empty();
        }
        if (execution.leaseExpired(now)) {
            failAttempt(execution, "no result from the " + execution.getStage().slug() + " worker within "
                    + policies.apply(execution.getStage()).lease().toSeconds() + " s (attempt "
                    + execution.getAttempt() + ")", true, now, policies);
        }
        if (execution.retryDue(now)) {
            return Optional.of(begin(execution, now, policies));
        }
        return Optional.empty();
    }

    public void cancel(String reason, Instant now) {
        if (status.isTerminal()) {
            throw new IllegalRunTransitionException("run " + id + " is already " + status + "; it cannot be cancelled");
        }
        current().ifPresent(e -> e.cancel(now));
        finish(RunStatus.CANCELLED, reason, now);
    }

    /** Restarts a failed run at the stage that failed, with a fresh attempt budget for it. */
    public StageDispatch retryFailedStage(Instant now, Function<PipelineStage, StagePolicy> policies) {
        if (status != RunStatus.FAILED) {
            throw new IllegalRunTransitionException("run " + id + " is " + status + "; only a failed run can be retried");
        }
        StageExecution failed = current().orElseThrow();
        failed.reopen();
        status = RunStatus.RUNNING;
        failureReason = null;
        finishedAt = null;
        return begin(failed, now, policies);
    }

    private StageDispatch begin(StageExecution execution, Instant now, Function<PipelineStage, StagePolicy> policies) {
        execution.begin(now, policies.apply(execution.getStage()));
        currentStage = execution.getStage();
        updatedAt = now;
        return new StageDispatch(execution.getStage(), execution.getAttempt());
    }

    private void failAttempt(StageExecution execution, String reason, boolean retryable, Instant now,
                             Function<PipelineStage, StagePolicy> policies) {
        boolean willRetry = execution.failAttempt(now, reason, retryable, policies.apply(execution.getStage()));
        updatedAt = now;
        if (!willRetry) {
            String attempts = execution.getAttempt() > 1 ? " after " + execution.getAttempt() + " attempts" : "";
            finish(RunStatus.FAILED, "stage " + execution.getStage().number() + " (" + execution.getStage().slug()
                    + ") failed" + attempts + ": " + reason, now);
        }
    }

    private void finish(RunStatus terminal, String reason, Instant now) {
        status = terminal;
        failureReason = reason;
        finishedAt = now;
        updatedAt = now;
    }

    private Optional<StageExecution> current() {
        return status == RunStatus.PENDING ? Optional.empty()
                : stages.stream().filter(e -> e.getStage() == currentStage).findFirst();
    }

    public UUID getId() {
        return id;
    }

    public UUID getMediaId() {
        return mediaId;
    }

    public String getMediaPath() {
        return mediaPath;
    }

    public RunStatus getStatus() {
        return status;
    }

    public PipelineStage getCurrentStage() {
        return currentStage;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public List<StageExecution> getStages() {
        return Collections.unmodifiableList(stages);
    }

    public StageExecution stage(PipelineStage stage) {
        return stages.stream().filter(e -> e.getStage() == stage).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("run " + id + " has no stage " + stage.slug()));
    }
}
