package io.tradingedu.backtesting.backtest;

import io.tradingedu.backtesting.marketdata.DatasetNotFoundException;
import io.tradingedu.shared.strategy.InvalidStrategyException;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs queued jobs, shared with every other instance of the service through {@link JobLeases}. Whenever one of its
 * job threads is free (checked every {@code backtest.jobs.poll}, and at once after this instance queues a job) it
 * claims the oldest claimable job; while the job runs, a heartbeat renews its lease. A job whose instance died is
 * claimed by another once its lease has run out, at most {@code max-attempts} times in all (a job that kills its
 * instance is failed rather than run forever). A job that throws an {@link Error} is failed with the reason.
 *
 * <p>Cancelling marks the row ({@link BacktestService#cancel}); the instance running the job sees it at its next
 * renewal, or at once when the request reached that instance, and the engine stops between variants and windows.
 * No transaction or connection is held while a job runs.
 */
@Component
class JobExecutor {

    private static final Logger log = LoggerFactory.getLogger(JobExecutor.class);

    private final JobLeases leases;
    private final JobRunner runner;
    private final TaskExecutor executor;
    private final JsonMapper json;
    private final JobProperties properties;
    /** Job threads not running a claimed job. */
    private final Semaphore free;
    private final int threads;
    /** Cancel flags of the jobs this instance owns now. */
    private final Map<UUID, AtomicBoolean> running = new ConcurrentHashMap<>();
    /** Claims and renewals; null before the start and after the stop. */
    private volatile ScheduledExecutorService timer;
    /** Set once this instance stops claiming for good. */
    private volatile boolean stopped;

    JobExecutor(JobLeases leases, JobRunner runner, TaskExecutor backtestExecutor, JsonMapper json,
                JobProperties properties, @Value("${backtest.job-threads:2}") int threads) {
        this.leases = leases;
        this.runner = runner;
        this.executor = backtestExecutor;
        this.json = json;
        this.properties = properties;
        this.threads = threads;
        this.free = new Semaphore(threads);
    }

    /** Starts claiming once the service is ready (jobs queued meanwhile, or left by a stop, are claimed then). */
    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (timer != null || stopped) {
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "backtest-jobs-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer = started;
        started.scheduleWithFixedDelay(this::claimQuietly, 0, properties.poll().toMillis(), TimeUnit.MILLISECONDS);
        started.scheduleAtFixedRate(this::renewQuietly, properties.heartbeat().toMillis(),
                properties.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
        log.info("instance {} runs queued backtests on {} threads (lease {}, heartbeat {}, poll {})", leases.owner(),
                threads, properties.lease(), properties.heartbeat(), properties.poll());
    }

    /**
     * An orderly stop: no more claims or renewals, and the jobs this instance runs go back to the queue (without
     * using up an attempt) for another instance to claim at once; their threads stop at the next checkpoint.
     */
    @PreDestroy
    void stop() {
        stopTimer();
        running.forEach((id, cancelled) -> {
            cancelled.set(true);
            try {
                if (leases.release(id)) {
                    log.info("backtest {} given back to the queue as this instance stops", id);
                }
            } catch (RuntimeException e) {
                log.warn("backtest {} not given back ({}); another instance claims it when its lease runs out", id,
                        e.toString());
            }
        });
    }

    /**
     * No more claims or renewals, as if the instance froze: the leases of its jobs run out. Returns once a claim or
     * renewal under way has ended, so nothing is claimed after it.
     */
    synchronized void stopTimer() {
        stopped = true;
        ScheduledExecutorService stopping = timer;
        timer = null;
        if (stopping != null) {
            stopping.shutdownNow();
            try {
                if (!stopping.awaitTermination(30, TimeUnit.SECONDS)) {
                    log.warn("a backtest claim or lease renewal is still under way as the instance stops");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Looks for work as soon as the transaction that queued a job has committed. */
    void submitAfterCommit(UUID id) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                ScheduledExecutorService now = timer;
                if (now != null) {
                    now.execute(JobExecutor.this::claimQuietly);
                }
            }
        });
    }

    /**
     * Refuses a job when the queue of every instance already holds {@code max} unfinished ones. Call it in the
     * transaction that queues the job: the count stays locked until that transaction ends.
     *
     * @throws TooManyJobsException when the queue is full
     */
    void requireRoom(int max) {
        long waiting = leases.lockQueueAndCount();
        if (waiting >= max) {
            throw new TooManyJobsException(waiting, max);
        }
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

    /** Claims jobs while job threads are free and hands each to one. @return how many were claimed */
    int claimWhileFree() {
        int claimed = 0;
        while (!stopped && free.tryAcquire()) {
            Optional<JobLeases.Claimed> next;
            try {
                next = leases.claimNext();
            } catch (RuntimeException e) {
                free.release();
                throw e;
            }
            if (next.isEmpty()) {
                free.release();
                return claimed;
            }
            claimed++;
            JobLeases.Claimed job = next.get();
            AtomicBoolean cancelled = new AtomicBoolean();
            running.put(job.id(), cancelled);
            try {
                executor.execute(() -> {
                    try {
                        runClaimed(job, cancelled);
                    } finally {
                        running.remove(job.id());
                        free.release();
                    }
                });
            } catch (RuntimeException e) {
                running.remove(job.id());
                free.release();
                leases.release(job.id());
                throw e;
            }
        }
        return claimed;
    }

    /** Renews the lease of every job this instance runs; a job no longer ours is stopped. */
    void renewLeases() {
        running.forEach((id, cancelled) -> {
            if (!leases.renew(id) && !cancelled.getAndSet(true)) {
                log.info("backtest {} is no longer this instance's (cancelled, or taken over after its lease ran "
                        + "out); stopping it", id);
            }
        });
    }

    private void claimQuietly() {
        try {
            claimWhileFree();
        } catch (RuntimeException e) {
            // a database outage, say: the next poll tries again
            log.warn("could not claim queued backtests: {}", e.toString());
        }
    }

    private void renewQuietly() {
        try {
            renewLeases();
        } catch (RuntimeException e) {
            log.warn("could not renew backtest leases: {}", e.toString());
        }
    }

    private void runClaimed(JobLeases.Claimed claimed, AtomicBoolean cancelled) {
        UUID id = claimed.id();
        if (claimed.attempts() > 1) {
            log.info("backtest {} claimed again (attempt {}): the instance running it stopped", id, claimed.attempts());
        }
        BacktestJob job;
        try {
            job = json.readValue(claimed.request(), BacktestJob.class);
        } catch (JacksonException e) {
            // written by an older version, say: failing it beats trying it again at every start
            finish(id, new Outcome(null, "the stored request cannot be read (" + e.getOriginalMessage()
                    + "); submit it again"));
            return;
        }
        finish(id, run(id, job, cancelled));
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
        boolean stored;
        try {
            stored = leases.finish(id, outcome.result(), outcome.error());
        } catch (RuntimeException e) {
            log.warn("the outcome of backtest {} could not be stored ({}); another instance runs it again when its "
                    + "lease runs out", id, e.toString());
            return;
        }
        if (!stored) {
            log.info("backtest {} was cancelled or taken over by another instance while it ran; its outcome is "
                    + "dropped", id);
        } else {
            log.info("backtest {} {}", id, outcome.error() == null ? "completed" : "failed: " + outcome.error());
        }
    }

    /** A run's result JSON, or why it has none. */
    private record Outcome(String result, String error) {
    }
}
