package io.tradingedu.backtesting.backtest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One backtest or optimisation job. The request is stored fully resolved (the strategy itself, not only its id), so
 * a job interrupted by a restart is run again exactly as asked. Queued jobs change through {@link JobLeases} (claim,
 * lease, outcome: columns this entity does not map); the entity reads them, runs synchronous jobs and cancels.
 */
@Entity
@Table(name = "backtest")
@EntityListeners(JobMetrics.class)
class Backtest {

    static final String CANCELLED = "cancelled at ";

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    private JobKind kind;

    @Enumerated(EnumType.STRING)
    private BacktestStatus status;

    private UUID strategyId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String request;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String result;

    private String error;
    private UUID runId;
    private Instant createdAt;
    private Instant startedAt;
    private Instant completedAt;

    @Version
    private long version;

    protected Backtest() {
    }

    static Backtest queued(JobKind kind, UUID strategyId, String request, UUID runId, Instant now) {
        Backtest backtest = new Backtest();
        backtest.id = UUID.randomUUID();
        backtest.kind = kind;
        backtest.status = BacktestStatus.QUEUED;
        backtest.strategyId = strategyId;
        backtest.request = request;
        backtest.runId = runId;
        backtest.createdAt = now;
        return backtest;
    }

    boolean isFinished() {
        return status == BacktestStatus.COMPLETED || status == BacktestStatus.FAILED;
    }

    void start(Instant now) {
        if (isFinished()) {
            throw new IllegalStateException("backtest " + id + " is already " + status);
        }
        status = BacktestStatus.RUNNING;
        startedAt = now;
    }

    void complete(String resultJson, Instant now) {
        status = BacktestStatus.COMPLETED;
        result = resultJson;
        error = null;
        completedAt = now;
    }

    void fail(String reason, Instant now) {
        status = BacktestStatus.FAILED;
        error = reason;
        completedAt = now;
    }

    /** Cancelled jobs are FAILED with a reason saying so: the schema knows no other end state. */
    void cancel(Instant now) {
        fail(CANCELLED + now + " (POST /backtest/" + id + "/cancel)", now);
    }

    UUID id() {
        return id;
    }

    JobKind kind() {
        return kind;
    }

    BacktestStatus status() {
        return status;
    }

    UUID strategyId() {
        return strategyId;
    }

    String request() {
        return request;
    }

    String result() {
        return result;
    }

    String error() {
        return error;
    }

    UUID runId() {
        return runId;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant completedAt() {
        return completedAt;
    }
}
