package io.tradingedu.backtesting.backtest;

import io.tradingedu.backtesting.marketdata.DatasetNotFoundException;
import io.tradingedu.shared.strategy.InvalidStrategyException;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
 * claims the oldest claimable job (never one it runs itself); while the job runs, a heartbeat renews its lease. A job
 * whose instance died is claimed by another once its lease has run out, at most {@code max-attempts} times in all (a
 * job that kills its instance is failed rather than run forever); an instance that lost a job while alive (its
 * renewals failed for longer than the lease, say in a database outage) gives back the attempt it used. A job that
 * throws an {@link Error} is failed with the reason. An outcome that cannot be stored (the database is down) is kept
 * and tried again, the lease still renewed, until it is stored or the job is found to be no longer ours.
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
    /** The jobs this instance runs now, from the claim until their thread has ended. */
    private final Map<UUID, RunningJob> running = new ConcurrentHashMap<>();
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
     * using up an attempt) for another instance to claim at once. Each is given back before its work is stopped, so
     * the stopped work never stores anything (not even "cancelled") over the queued row.
     */
    @PreDestroy
    void stop() {
        stopTimer();
        running.forEach((id, job) -> {
            try {
                if (leases.release(id)) {
                    log.info("backtest {} given back to the queue as this instance stops", id);
                }
            } catch (RuntimeException e) {
                log.warn("backtest {} not given back ({}); another instance claims it when its lease runs out", id,
                        e.toString());
            } finally {
                job.giveBack();
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
        RunningJob job = running.get(id);
        if (job != null) {
            job.cancel();
        }
    }

    /** Whether this instance is running the job now. */
    boolean isRunning(UUID id) {
        return running.containsKey(id);
    }

    /**
     * Claims jobs while job threads are free and hands each to one. Leases not renewed for a heartbeat (the database
     * was out, say) are renewed first, so that this instance keeps what it runs before it takes more.
     *
     * @return how many were claimed
     */
    int claimWhileFree() {
        renewStale();
        int claimed = 0;
        while (!stopped && free.tryAcquire()) {
            Optional<JobLeases.Claimed> next;
            try {
                // never its own: a job whose lease ran out while this instance still runs it is not started twice here
                next = leases.claimNext(running.keySet());
            } catch (RuntimeException | Error e) {
                free.release();
                throw e;
            }
            if (next.isEmpty()) {
                free.release();
                return claimed;
            }
            claimed++;
            JobLeases.Claimed claim = next.get();
            RunningJob job = new RunningJob(System.nanoTime());
            running.put(claim.id(), job);
            try {
                executor.execute(() -> {
                    try {
                        runClaimed(claim, job);
                    } finally {
                        running.remove(claim.id(), job);
                        free.release();
                    }
                });
            } catch (RuntimeException e) {
                running.remove(claim.id(), job);
                free.release();
                leases.release(claim.id());
                throw e;
            }
        }
        return claimed;
    }

    /** Renews the lease of every job this instance runs, each on its own; a job no longer ours is stopped. */
    void renewLeases() {
        running.forEach(this::renew);
    }

    private void renewStale() {
        long now = System.nanoTime();
        long heartbeat = properties.heartbeat().toNanos();
        running.forEach((id, job) -> {
            if (job.renewedBefore(now, heartbeat)) {
                renew(id, job);
            }
        });
    }

    private void renew(UUID id, RunningJob job) {
        try {
            if (leases.renew(id)) {
                job.renewed(System.nanoTime());
            } else if (!job.isGivenBack()) {
                lost(id, job);
            }
        } catch (RuntimeException e) {
            log.warn("could not renew the lease of backtest {}: {}", id, e.toString());
        }
    }

    /** The job is no longer ours though this instance lived: it stops, and the attempt it used is given back. */
    private void lost(UUID id, RunningJob job) {
        if (!job.lose()) {
            return;
        }
        log.info("backtest {} is no longer this instance's (cancelled, or taken over after its lease ran out); "
                + "stopping it", id);
        try {
            if (leases.returnAttempt(id)) {
                log.info("backtest {} was taken over while this instance still ran it; the attempt is given back", id);
            }
        } catch (RuntimeException e) {
            log.warn("could not give back the attempt of backtest {}: {}", id, e.toString());
        }
    }

    private void claimQuietly() {
        try {
            claimWhileFree();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // a database outage, say: the next poll tries again (any Throwable that escaped would end the polling)
            log.warn("could not claim queued backtests: {}", e.toString());
        }
    }

    private void renewQuietly() {
        try {
            renewLeases();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            log.warn("could not renew backtest leases: {}", e.toString());
        }
    }

    private void runClaimed(JobLeases.Claimed claimed, RunningJob job) {
        UUID id = claimed.id();
        if (claimed.attempts() > 1) {
            log.info("backtest {} claimed again (attempt {}): the instance running it stopped renewing its lease", id,
                    claimed.attempts());
        }
        Outcome outcome;
        try {
            BacktestJob request = json.readValue(claimed.request(), BacktestJob.class);
            outcome = run(id, request, job);
        } catch (JacksonException e) {
            // written by an older version, say: failing it beats trying it again at every start
            outcome = new Outcome(null, "the stored request cannot be read (" + e.getOriginalMessage()
                    + "); submit it again");
        }
        if (job.isGivenBack() || job.isLost()) {
            log.info("backtest {} stopped: it was {}; nothing is stored", id,
                    job.isGivenBack() ? "given back to the queue" : "no longer this instance's");
            return;
        }
        finish(id, job, outcome);
    }

    private Outcome run(UUID id, BacktestJob request, RunningJob job) {
        try {
            return new Outcome(json.writeValueAsString(runner.run(runner.prepare(request), job::shouldStop)), null);
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

    /**
     * Stores the outcome: the one place a job's end is recorded. A failure to store it (the database is down) is
     * tried again, waiting {@code poll} and doubling up to {@code heartbeat}, while the job stays in {@link #running}
     * so that its lease is still renewed; it ends when the outcome is stored, when the job is found to be no longer
     * ours, or when the instance stops.
     */
    private void finish(UUID id, RunningJob job, Outcome outcome) {
        Duration wait = properties.poll();
        while (true) {
            boolean stored;
            try {
                stored = leases.finish(id, outcome.result(), outcome.error());
            } catch (RuntimeException e) {
                if (job.isLost() || job.isGivenBack()) {
                    log.warn("the outcome of backtest {} is dropped: the job is no longer this instance's", id);
                    return;
                }
                log.warn("the outcome of backtest {} could not be stored ({}); trying again in {}", id, e.toString(),
                        wait);
                if (!sleep(wait)) {
                    log.warn("the outcome of backtest {} is dropped as the instance stops; another instance runs "
                            + "it again when its lease runs out", id);
                    return;
                }
                wait = wait.multipliedBy(2).compareTo(properties.heartbeat()) > 0 ? properties.heartbeat()
                        : wait.multipliedBy(2);
                continue;
            }
            if (stored) {
                log.info("backtest {} {}", id, outcome.error() == null ? "completed" : "failed: " + outcome.error());
            } else {
                log.info("backtest {} was cancelled or taken over by another instance while it ran; its outcome is "
                        + "dropped", id);
                if (!job.isCancelled()) {
                    lost(id, job);
                }
            }
            return;
        }
    }

    private static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A run's result JSON, or why it has none. */
    private record Outcome(String result, String error) {
    }
}
