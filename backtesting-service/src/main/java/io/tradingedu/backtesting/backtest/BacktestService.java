package io.tradingedu.backtesting.backtest;

import io.tradingedu.backtesting.engine.BacktestReport;
import io.tradingedu.backtesting.engine.SweepReport;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backtest and optimisation use cases. Every job's cost is checked against {@link BacktestLimits} before it is
 * stored. A job whose work (bars × windows or variants) is at most {@code backtest.sync-limit-bars} is run at once
 * and answered with its result; a larger one is queued (while fewer than the queue's limit are) and answered with
 * where to look (any instance of the service may run it, see {@link JobExecutor}); a queued or running one can be
 * cancelled. The queue's limit counts the jobs of every instance.
 */
@Service
public class BacktestService {

    private final BacktestRepository backtests;
    private final JobResolver resolver;
    private final JobRunner runner;
    private final JobExecutor executor;
    private final JsonMapper json;
    private final Clock clock;
    private final BacktestLimits limits;
    private final TransactionTemplate transactions;
    private final long syncLimitBars;

    BacktestService(BacktestRepository backtests, JobResolver resolver, JobRunner runner, JobExecutor executor,
                    JsonMapper json, Clock clock, BacktestLimits limits, TransactionTemplate transactions,
                    @Value("${backtest.sync-limit-bars:1000000}") long syncLimitBars) {
        this.backtests = backtests;
        this.resolver = resolver;
        this.runner = runner;
        this.executor = executor;
        this.json = json;
        this.clock = clock;
        this.limits = limits;
        this.transactions = transactions;
        this.syncLimitBars = syncLimitBars;
    }

    @Transactional
    public BacktestView backtest(BacktestRequest request) {
        return submit(JobKind.BACKTEST, resolver.backtest(request));
    }

    @Transactional
    public BacktestView optimize(OptimizeRequest request) {
        return submit(JobKind.OPTIMIZE, resolver.optimize(request));
    }

    /**
     * For the pipeline: runs the job at once, outside any transaction; the caller stores the returned backtest with
     * {@link #store} in the transaction that answers the command. Nothing is stored when the job cannot run.
     */
    CompletedBacktest runForPipeline(BacktestJob job, UUID runId) {
        BacktestReport report = (BacktestReport) runner.run(runner.prepare(job));
        Backtest backtest = Backtest.queued(JobKind.BACKTEST, null, json.writeValueAsString(job), runId, clock.instant());
        backtest.start(clock.instant());
        backtest.complete(json.writeValueAsString(report), clock.instant());
        return new CompletedBacktest(backtest, report);
    }

    /** Joins the caller's transaction. */
    void store(CompletedBacktest completed) {
        backtests.save(completed.backtest());
    }

    @Transactional(readOnly = true)
    public BacktestView get(UUID id) {
        Backtest backtest = find(id);
        Class<?> resultType = backtest.kind() == JobKind.BACKTEST ? BacktestReport.class : SweepReport.class;
        return view(backtest, backtest.status() == BacktestStatus.COMPLETED
                ? json.readValue(backtest.result(), resultType) : null);
    }

    @Transactional(readOnly = true)
    public BacktestReport report(UUID id) {
        Backtest backtest = find(id);
        requireCompleted(backtest, JobKind.BACKTEST);
        return json.readValue(backtest.result(), BacktestReport.class);
    }

    /**
     * Cancels a queued or running job: its row is failed at once with a reason saying it was cancelled; the instance
     * running it stops at its next variant or window (this one at once, another at its next lease renewal).
     *
     * @throws BacktestNotFoundException  for an unknown id
     * @throws BacktestFinishedException when the job has already completed or failed
     */
    public BacktestView cancel(UUID id) {
        BacktestView view;
        try {
            view = transactions.execute(status -> cancelRow(id));
        } catch (OptimisticLockingFailureException e) {
            // the job started or finished between our read and write: decide again on what it is now
            view = transactions.execute(status -> cancelRow(id));
        }
        executor.cancel(id);
        return view;
    }

    private BacktestView cancelRow(UUID id) {
        Backtest backtest = find(id);
        if (backtest.isFinished()) {
            throw new BacktestFinishedException(id, backtest.status());
        }
        backtest.cancel(clock.instant());
        backtests.flush();
        return view(backtest, null);
    }

    private BacktestView submit(JobKind kind, BacktestJob job) {
        JobRunner.Prepared prepared = runner.prepare(job);
        limits.requireAffordable(prepared);
        boolean queued = prepared.work() > syncLimitBars;
        if (queued) {
            executor.requireRoom(limits.maxQueuedJobs());
        }
        Backtest backtest = backtests.save(Backtest.queued(kind, job.strategyId(), json.writeValueAsString(job), null,
                clock.instant()));
        if (queued) {
            executor.submitAfterCommit(backtest.id());
            return view(backtest, null);
        }
        backtest.start(clock.instant());
        Object result = runner.run(prepared);
        backtest.complete(json.writeValueAsString(result), clock.instant());
        return view(backtest, result);
    }

    private Backtest find(UUID id) {
        return backtests.findById(id).orElseThrow(() -> new BacktestNotFoundException(id));
    }

    private static void requireCompleted(Backtest backtest, JobKind kind) {
        if (backtest.kind() != kind) {
            throw new IllegalArgumentException("job " + backtest.id() + " is " + backtest.kind().name().toLowerCase()
                    + ", not " + kind.name().toLowerCase());
        }
        if (backtest.status() != BacktestStatus.COMPLETED) {
            throw new ResultNotReadyException(backtest.id(), backtest.status(), backtest.error());
        }
    }

    /** @param result the completed job's report or sweep, null while it has none */
    private BacktestView view(Backtest b, Object result) {
        return new BacktestView(b.id(), b.kind(), b.status(), b.strategyId(), b.runId(),
                json.readValue(b.request(), BacktestJob.class), b.createdAt(), b.startedAt(), b.completedAt(),
                b.error(), result instanceof BacktestReport report ? BacktestView.MetricsView.of(report) : null,
                result instanceof SweepReport sweep ? sweep : null);
    }

    /** A pipeline backtest run but not yet stored. */
    record CompletedBacktest(Backtest backtest, BacktestReport report) {
    }
}
