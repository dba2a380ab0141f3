package io.tradingedu.orchestrator.run;

import io.tradingedu.shared.pipeline.PipelineStage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One stage of one run: its attempts, timings and outcome. Changed only through {@link PipelineRun}. */
@Entity
@Table(name = "stage_execution")
@EntityListeners(StageMetrics.class)
public class StageExecution {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "run_id")
    private PipelineRun run;

    @Enumerated(EnumType.STRING)
    private PipelineStage stage;

    private int position;

    @Enumerated(EnumType.STRING)
    private StageStatus status;

    private int attempt;

    /** The last attempt allowed; a manual retry grants a fresh budget. */
    private int maxAttempt;

    private Instant startedAt;
    private Instant finishedAt;
    private Instant leaseExpiresAt;
    private Instant nextAttemptAt;
    private String errorReason;
    private String summary;
    private String progress;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String output;

    protected StageExecution() {
    }

    StageExecution(PipelineRun run, PipelineStage stage, int position) {
        this.run = run;
        this.stage = stage;
        this.position = position;
        this.status = StageStatus.PENDING;
    }

    void begin(Instant now, StagePolicy policy) {
        if (attempt >= maxAttempt) {
            maxAttempt = attempt + policy.maxAttempts();
        }
        attempt++;
        status = StageStatus.RUNNING;
        if (startedAt == null) {
            startedAt = now;
        }
        leaseExpiresAt = policy.firstDeadline(now);
        nextAttemptAt = null;
        errorReason = null;
        progress = null;
    }

    /**
     * A worker is alive and got this far: the lease starts anew. An earlier attempt's worker counts too (its command
     * waited behind others while a later one was dispatched): its success would be accepted, so it keeps the stage
     * alive, also out of a retry wait. False when the stage is not waiting for a result.
     */
    boolean progressed(int reportedAttempt, String message, Instant now, StagePolicy policy) {
        boolean waiting = status == StageStatus.RUNNING || status == StageStatus.RETRY_WAIT;
        if (!waiting || reportedAttempt > attempt) {
            return false;
        }
        status = StageStatus.RUNNING;
        nextAttemptAt = null;
        errorReason = null;
        progress = message;
        leaseExpiresAt = now.plus(policy.lease());
        return true;
    }

    void succeed(Instant now, String summary, String output) {
        status = StageStatus.SUCCEEDED;
        finishedAt = now;
        leaseExpiresAt = null;
        nextAttemptAt = null;
        errorReason = null;
        this.summary = summary;
        this.output = output;
        this.progress = null;
    }

    /** Records a failed attempt; true when another attempt is allowed and has been scheduled. */
    boolean failAttempt(Instant now, String reason, boolean retryable, StagePolicy policy) {
        errorReason = reason;
        leaseExpiresAt = null;
        if (retryable && attempt < maxAttempt) {
            status = StageStatus.RETRY_WAIT;
            nextAttemptAt = policy.nextAttemptAt(now, attempt);
            return true;
        }
        status = StageStatus.FAILED;
        finishedAt = now;
        nextAttemptAt = null;
        return false;
    }

    void cancel(Instant now) {
        if (status == StageStatus.RUNNING || status == StageStatus.RETRY_WAIT) {
            status = StageStatus.CANCELLED;
            finishedAt = now;
            leaseExpiresAt = null;
            nextAttemptAt = null;
        }
    }

    void reopen() {
        status = StageStatus.PENDING;
        finishedAt = null;
    }

    boolean leaseExpired(Instant now) {
        return status == StageStatus.RUNNING && leaseExpiresAt != null && !leaseExpiresAt.isAfter(now);
    }

    boolean retryDue(Instant now) {
        return status == StageStatus.RETRY_WAIT && nextAttemptAt != null && !nextAttemptAt.isAfter(now);
    }

    public PipelineStage getStage() {
        return stage;
    }

    public int getPosition() {
        return position;
    }

    public StageStatus getStatus() {
        return status;
    }

    public int getAttempt() {
        return attempt;
    }

    public int getMaxAttempt() {
        return maxAttempt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public Instant getLeaseExpiresAt() {
        return leaseExpiresAt;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getErrorReason() {
        return errorReason;
    }

    public String getSummary() {
        return summary;
    }

    /** What the worker last said it was doing, while the stage runs. */
    public String getProgress() {
        return progress;
    }

    public String getOutput() {
        return output;
    }

    /** Wall time from the first attempt's start to the end, or {@code null} while unfinished. */
    public Duration duration() {
        return startedAt == null || finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }
}
