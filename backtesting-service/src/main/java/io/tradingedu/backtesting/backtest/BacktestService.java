package io.tradingedu.backtesting.backtest;

import io.tradingedu.backtesting.engine.BacktestReport;
import io.tradingedu.backtesting.engine.SweepReport;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backtest and optimisation use cases. A job whose work (bars × windows or variants) is at most
 * {@code backtest.sync-limit-bars} is run at once and answered with its result; a larger one is queued and answered
 * with where to look.
 */
@Service
public class BacktestService {

    private final BacktestRepository backtests;
    private final JobResolver resolver;
    private final JobRunner runner;
    private final JobExecutor executor;
    private final JsonMapper json;
    private final Clock clock;
    private final long syncLimitBars;

    BacktestService(BacktestRepository backtests, JobResolver resolver, JobRunner runner, JobExecutor executor,
                    JsonMapper json, Clock clock, @Value("${backtest.sync-limit-bars:1000000}") long syncLimitBars) {
        this.backtests = backtests;
        this.resolver = resolver;
        this.runner = runner;
        this.executor = executor;
        this.json = json;
        this.clock = clock;
        this.syncLimitBars = syncLimitBars;
    }

    @Transactional
    public BacktestView backtest(BacktestRequest request) {
        return submit(JobKind.BACKTEST, resolver.backtest(request), null);
    }

    @Transactional
    public BacktestView optimize(OptimizeRequest request) {
        return submit(JobKind.OPTIMIZE, resolver.optimize(request), null);
    }

    /**
     * For the pipeline: run at once and store the completed backtest, linked to the run, in the caller's
     * transaction. Nothing is stored when the job cannot run.
     */
    public BacktestView runForPipeline(BacktestJob job, UUID runId) {
        String result = json.writeValueAsString(runner.run(job));
        Backtest backtest = Backtest.queued(JobKind.BACKTEST, null, json.writeValueAsString(job), runId, clock.instant());
        backtest.start(clock.instant());
        backtest.complete(result, clock.instant());
        return view(backtests.save(backtest));
    }

    @Transactional(readOnly = true)
    public BacktestView get(UUID id) {
        return view(find(id));
    }

    @Transactional(readOnly = true)
    public BacktestReport report(UUID id) {
        Backtest backtest = find(id);
        requireCompleted(backtest, JobKind.BACKTEST);
        return json.readValue(backtest.result(), BacktestReport.class);
    }

    private BacktestView submit(JobKind kind, BacktestJob job, UUID runId) {
        long work = runner.work(job);
        Backtest backtest = backtests.save(Backtest.queued(kind, job.strategyId(), json.writeValueAsString(job), runId,
                clock.instant()));
        if (work > syncLimitBars) {
            executor.submitAfterCommit(backtest.id());
            return view(backtest);
        }
        return runNow(backtest, job);
    }

    private BacktestView runNow(Backtest backtest, BacktestJob job) {
        backtest.start(clock.instant());
        backtest.complete(json.writeValueAsString(runner.run(job)), clock.instant());
        return view(backtest);
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

    private BacktestView view(Backtest b) {
        BacktestView.MetricsView metrics = null;
        SweepReport sweep = null;
        if (b.status() == BacktestStatus.COMPLETED) {
            if (b.kind() == JobKind.BACKTEST) {
                metrics = BacktestView.MetricsView.of(json.readValue(b.result(), BacktestReport.class));
            } else {
                sweep = json.readValue(b.result(), SweepReport.class);
            }
        }
        return new BacktestView(b.id(), b.kind(), b.status(), b.strategyId(), b.runId(),
                json.readValue(b.request(), BacktestJob.class), b.createdAt(), b.startedAt(), b.completedAt(),
                b.error(), metrics, sweep);
    }
}
