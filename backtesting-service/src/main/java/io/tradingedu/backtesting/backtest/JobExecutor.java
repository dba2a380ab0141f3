package io.tradingedu.backtesting.backtest;

import io.tradingedu.backtesting.marketdata.DatasetNotFoundException;
import io.tradingedu.shared.strategy.InvalidStrategyException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs queued jobs on the backtest executor. A job's state lives in its row, so jobs that were queued or running
 * when the service stopped are started again when it is ready; a job that was already resumed once after a stop and
 * found running again (it may be what stopped the service, e.g. out of memory) is failed instead. A job that throws
 * an {@link Error} is failed with the reason. Cancelling sets a flag the engine reads between variants and windows.
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
    /** Cancel flags of the jobs this instance is running (or about to start). */
    private final Map<UUID, AtomicBoolean> running = new ConcurrentHashMap<>();

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

    /** Asks a job this instance runs to stop at its next variant or window; its row is already marked. */
    void cancel(UUID id) {
        AtomicBoolean flag = running.get(id);
        if (flag != null) {
            flag.set(true);
        }
    }

    /** Whether this instance is running the job now. */
    boolean isRunning(UUID id) {
        return running.containsKey(id);
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        List<Backtest> unfinished = backtests.findByStatusInOrderByCreatedAt(
                List.of(BacktestStatus.QUEUED, BacktestStatus.RUNNING));
        if (!unfinished.isEmpty()) {
            log.info("resuming {} unfinished backtest jobs", unfinished.size());
        }
        for (Backtest job : unfinished) {
            if (job.status() == BacktestStatus.QUEUED || resumeOnce(job.id())) {
                executor.execute(() -> runQueued(job.id()));
            }
        }
    }

    /** @return whether the job found running at start-up is run again (once) rather than failed */
    private boolean resumeOnce(UUID id) {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                Backtest backtest = backtests.findById(id).orElse(null);
                if (backtest == null || backtest.isFinished()) {
                    return false;
                }
                if (backtest.wasResumedAfterStop()) {
                    backtest.fail("not resumed again: the service stopped twice while this job ran (for example out "
                            + "of memory); submit it again with a shorter range or a smaller grid", clock.instant());
                    log.warn("backtest {} was running at two stops of the service; failed, not resumed", id);
                    return false;
                }
                backtest.resumeAfterStop(clock.instant());
                return true;
            }));
        } catch (OptimisticLockingFailureException e) {
            log.info("backtest {} changed while being resumed (another instance or a cancel); left to it", id);
            return false;
        }
    }

    void runQueued(UUID id) {
        AtomicBoolean cancelled = new AtomicBoolean();
        running.put(id, cancelled);
        try {
            BacktestJob job = start(id);
            if (job == null) {
                log.info("backtest {} already finished or cancelled; not run", id);
                return;
            }
            finish(id, run(id, job, cancelled));
        } finally {
            running.remove(id);
        }
    }

    private BacktestJob start(UUID id) {
        try {
            return startOnce(id);
        } catch (OptimisticLockingFailureException e) {
            // cancelled (or resumed elsewhere) between reading and starting: read it again
            return startOnce(id);
        }
    }

    private BacktestJob startOnce(UUID id) {
        return transactions.execute(status -> {
            Backtest backtest = backtests.findById(id).orElseThrow(() -> new BacktestNotFoundException(id));
            if (backtest.isFinished()) {
                return null;
            }
            try {
                BacktestJob job = json.readValue(backtest.request(), BacktestJob.class);
                backtest.start(clock.instant());
                return job;
            } catch (JacksonException e) {
                // written by an older version, say: failing it beats trying it again at every start
                backtest.fail("the stored request cannot be read (" + e.getOriginalMessage() + "); submit it again",
                        clock.instant());
                return null;
            }
        });
    }

    private Outcome run(UUID id, BacktestJob job, AtomicBoolean cancelled) {
        try {
            return new Outcome(json.writeValueAsString(runner.run(runner.prepare(job), cancelled::get)), null);
        } catch (CancellationException e) {
            return new Outcome(null, "cancelled");
        } catch (InvalidStrategyException | DatasetNotFoundException | IllegalArgumentException e) {
            return new Outcome(null, e.getMessage());
        } catch (RuntimeException e) {
            log.error("backtest {} failed", id, e);
            return new Outcome(null, "internal error: " + e);
        } catch (OutOfMemoryError e) {
            // the job's arrays are unreachable once this frame is left, so recording the failure has memory again
            log.error("backtest {} ran out of memory", id, e);
            return new Outcome(null, "the job ran out of memory; try a shorter range or a smaller grid");
        } catch (StackOverflowError e) {
            log.error("backtest {} overflowed the stack", id, e);
            return new Outcome(null, "the job overflowed the stack; simplify the strategy");
        } catch (Error e) {
            log.error("backtest {} failed with an error", id, e);
            return new Outcome(null, "internal error: " + e);
        }
    }

    private void finish(UUID id, Outcome outcome) {
        try {
            transactions.executeWithoutResult(status -> {
                Backtest backtest = backtests.findById(id).orElseThrow(() -> new BacktestNotFoundException(id));
                if (backtest.isFinished()) {
                    log.info("backtest {} was cancelled while it ran; its outcome is dropped", id);
                } else if (outcome.error() == null) {
                    backtest.complete(outcome.result(), clock.instant());
                } else {
                    backtest.fail(outcome.error(), clock.instant());
                }
            });
        } catch (OptimisticLockingFailureException e) {
            log.info("backtest {} was cancelled as it finished; its outcome is dropped", id);
            return;
        }
        log.info("backtest {} {}", id, outcome.error() == null ? "completed" : "failed: " + outcome.error());
    }

    /** A run's result JSON, or why it has none. */
    private record Outcome(String result, String error) {
    }
}
