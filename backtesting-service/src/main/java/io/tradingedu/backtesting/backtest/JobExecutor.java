package io.tradingedu.backtesting.backtest;

import io.tradingedu.backtesting.marketdata.DatasetNotFoundException;
import io.tradingedu.shared.strategy.InvalidStrategyException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs queued jobs on the backtest executor. A job's state lives in its row, so jobs that were queued or running
 * when the service stopped are started again when it is ready.
 */
@Component
class JobExecutor {

    private static final Logger log = LoggerFactory.getLogger(JobExecutor.class);

    private final BacktestRepository backtests;
    private final JobRunner runner;
    private final TaskExecutor executor;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    JobExecutor(BacktestRepository backtests, JobRunner runner, TaskExecutor backtestExecutor,
                TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.backtests = backtests;
        this.runner = runner;
        this.executor = backtestExecutor;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** Starts the job once the transaction that queued it has committed. */
    void submitAfterCommit(UUID id) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                executor.execute(() -> runQueued(id));
            }
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        List<Backtest> unfinished = backtests.findByStatusInOrderByCreatedAt(
                List.of(BacktestStatus.QUEUED, BacktestStatus.RUNNING));
        if (!unfinished.isEmpty()) {
            log.info("resuming {} unfinished backtest jobs", unfinished.size());
        }
        unfinished.forEach(job -> executor.execute(() -> runQueued(job.id())));
    }

    void runQueued(UUID id) {
        BacktestJob job = transactions.execute(status -> {
            Backtest backtest = backtests.findById(id).orElseThrow(() -> new BacktestNotFoundException(id));
            if (backtest.isFinished()) {
                return null;
            }
            backtest.start(clock.instant());
            return json.readValue(backtest.request(), BacktestJob.class);
        });
        if (job == null) {
            log.info("backtest {} already finished; not run again", id);
            return;
        }
        String result = null;
        String error = null;
        try {
            result = json.writeValueAsString(runner.run(runner.prepare(job)));
        } catch (InvalidStrategyException | DatasetNotFoundException | IllegalArgumentException e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            log.error("backtest {} failed", id, e);
            error = "internal error: " + e;
        }
        String finalResult = result;
        String finalError = error;
        transactions.executeWithoutResult(status -> {
            Backtest backtest = backtests.findById(id).orElseThrow(() -> new BacktestNotFoundException(id));
            if (finalError == null) {
                backtest.complete(finalResult, clock.instant());
            } else {
                backtest.fail(finalError, clock.instant());
            }
        });
        log.info("backtest {} {}", id, error == null ? "completed" : "failed: " + error);
    }
}
