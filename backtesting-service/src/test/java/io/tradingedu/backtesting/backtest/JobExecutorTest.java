package io.tradingedu.backtesting.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The executor's bookkeeping without a database: rows in a map, jobs run on the calling thread, a runner that does
 * whatever a test needs (throw an Error, be cancelled halfway).
 */
class JobExecutorTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final Map<UUID, Backtest> rows = new ConcurrentHashMap<>();
    private final AtomicInteger runs = new AtomicInteger();
    private Behaviour behaviour = cancelled -> "{}";

    interface Behaviour {
        Object run(BooleanSupplier cancelled);
    }

    private final JobRunner runner = new JobRunner(null, null) {
        @Override
        Prepared prepare(BacktestJob job) {
            return new Prepared(job, null, 0, 1);
        }

        @Override
        Object run(Prepared prepared, BooleanSupplier cancelled) {
            runs.incrementAndGet();
            return behaviour.run(cancelled);
        }
    };

    private final JobExecutor executor = new JobExecutor(repository(), runner, Runnable::run,
            new TransactionTemplate(new NoTransactions()), JsonMapper.builder().build(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private Backtest queued() {
        Backtest backtest = Backtest.queued(JobKind.BACKTEST, null, "{\"symbol\":\"SPX\",\"initialCapital\":10000}", null, NOW);
        rows.put(backtest.id(), backtest);
        return backtest;
    }

    @Test
    void aJobThatRunsOutOfMemoryIsFailedWithTheReason() {
        Backtest job = queued();
        behaviour = cancelled -> {
            throw new OutOfMemoryError("Java heap space");
        };

        executor.runQueued(job.id());

        assertThat(job.status()).isEqualTo(BacktestStatus.FAILED);
        assertThat(job.error()).contains("ran out of memory");
    }

    @Test
    void aJobThatOverflowsTheStackIsFailedWithTheReason() {
        Backtest job = queued();
        behaviour = cancelled -> {
            throw new StackOverflowError();
        };

        executor.runQueued(job.id());

        assertThat(job.status()).isEqualTo(BacktestStatus.FAILED);
        assertThat(job.error()).contains("overflowed the stack");
    }

    @Test
    void aJobFoundRunningAtStartUpIsResumedOnceAndFailedTheSecondTime() {
        Backtest job = queued();
        job.start(NOW);
        // the first restart resumes it, and the service dies again while it runs: its task never finishes
        JobExecutor diesWhileRunning = new JobExecutor(repository(), runner, task -> { },
                new TransactionTemplate(new NoTransactions()), JsonMapper.builder().build(),
                Clock.fixed(NOW, ZoneOffset.UTC));

        diesWhileRunning.resumeUnfinished();
        assertThat(job.status()).isEqualTo(BacktestStatus.RUNNING);
        assertThat(job.error()).startsWith(Backtest.RESUMED);
        executor.resumeUnfinished();

        assertThat(runs.get()).as("not run after the second stop").isZero();
        assertThat(job.status()).isEqualTo(BacktestStatus.FAILED);
        assertThat(job.error()).contains("not resumed again");
    }

    @Test
    void aResumedJobThatCompletesLeavesNoNote() {
        Backtest job = queued();
        job.start(NOW);

        executor.resumeUnfinished();

        assertThat(job.status()).isEqualTo(BacktestStatus.COMPLETED);
        assertThat(job.error()).isNull();
    }

    @Test
    void aJobCancelledWhileRunningStopsAndStaysCancelled() {
        Backtest job = queued();
        AtomicInteger windowsAfterCancel = new AtomicInteger();
        behaviour = cancelled -> {
            // what BacktestService.cancel does from a request thread: mark the row, raise the flag
            job.cancel(NOW);
            executor.cancel(job.id());
            for (int window = 0; window < 100; window++) {
                if (cancelled.getAsBoolean()) {
                    throw new java.util.concurrent.CancellationException();
                }
                windowsAfterCancel.incrementAndGet();
            }
            return "{}";
        };

        executor.runQueued(job.id());

        assertThat(windowsAfterCancel.get()).isZero();
        assertThat(job.status()).isEqualTo(BacktestStatus.FAILED);
        assertThat(job.error()).startsWith(Backtest.CANCELLED);
        assertThat(job.result()).isNull();
    }

    @Test
    void aJobCancelledWhileQueuedIsNeverRun() {
        Backtest job = queued();
        job.cancel(NOW);

        executor.runQueued(job.id());
        executor.resumeUnfinished();

        assertThat(runs.get()).isZero();
        assertThat(job.error()).startsWith(Backtest.CANCELLED);
    }

    @Test
    void aJobWhoseStoredRequestCannotBeReadIsFailedNotRetriedForever() {
        Backtest job = Backtest.queued(JobKind.BACKTEST, null, "{\"initialCapital\":\"lots\"}", null, NOW);
        rows.put(job.id(), job);

        executor.resumeUnfinished();

        assertThat(runs.get()).isZero();
        assertThat(job.status()).isEqualTo(BacktestStatus.FAILED);
        assertThat(job.error()).contains("stored request cannot be read");
    }

    private BacktestRepository repository() {
        return (BacktestRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BacktestRepository.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "findById" -> Optional.ofNullable(rows.get((UUID) args[0]));
                    case "save" -> {
                        Backtest b = (Backtest) args[0];
                        rows.put(b.id(), b);
                        yield b;
                    }
                    case "findByStatusInOrderByCreatedAt" -> rows.values().stream()
                            .filter(b -> ((Collection<?>) args[0]).contains(b.status()))
                            .sorted(Comparator.comparing(Backtest::createdAt)).toList();
                    case "countByStatusIn" -> rows.values().stream()
                            .filter(b -> ((Collection<?>) args[0]).contains(b.status())).count();
                    case "flush" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static final class NoTransactions implements PlatformTransactionManager {
        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
        }

        @Override
        public void rollback(TransactionStatus status) {
        }
    }
}
