package io.tradingedu.backtesting.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.tradingedu.backtesting.marketdata.InstanceIdentity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several instances of the service sharing one job queue, against the local PostgreSQL. Each "instance" is a
 * {@link JobExecutor} with its own owner name, job threads and runner, in this JVM. The queue lives in a private
 * schema, migrated here and dropped afterwards, so no other process's jobs are claimed and no other process claims
 * these. Tests of takeovers use short leases (2 s, renewed every 400 ms) so that they happen within the test; the
 * others use the service's default lease, so that a busy machine cannot make a lease run out by accident. Some tests
 * drive an instance's claims and renewals themselves (its timer not started), and some hook the lease statements to
 * fail or to wait for the moment a race needs.
 */
class SharedJobQueueIT {

    private static final String SCHEMA = "backtest_queue_it_" + UUID.randomUUID().toString().substring(0, 8);
    private static final JobProperties SHORT = new JobProperties(Duration.ofSeconds(2), Duration.ofMillis(400),
            Duration.ofMillis(100), 2);
    private static final JobProperties LONG = new JobProperties(Duration.ofSeconds(60), Duration.ofSeconds(15),
            Duration.ofMillis(100), 2);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static HikariDataSource database;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transactions;

    private final List<Instance> instances = new ArrayList<>();

    @BeforeAll
    static void privateSchema() {
        database = new HikariDataSource();
        String url = System.getenv().getOrDefault("DATABASE_URL", "jdbc:postgresql://localhost:5432/tradingedu");
        database.setJdbcUrl(url + "?currentSchema=" + SCHEMA);
        database.setUsername(System.getenv().getOrDefault("DATABASE_USER", "tradingedu"));
        database.setPassword(System.getenv().getOrDefault("DATABASE_PASSWORD", "tradingedu"));
        database.setMaximumPoolSize(8);
        Flyway.configure().dataSource(database).schemas(SCHEMA).defaultSchema(SCHEMA)
                .locations("classpath:db/migration", "classpath:db/support").load().migrate();
        jdbc = new JdbcTemplate(database);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(database));
    }

    @AfterAll
    static void dropSchema() {
        if (database != null) {
            jdbc.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            database.close();
        }
    }

    @BeforeEach
    void emptyQueue() {
        jdbc.update("DELETE FROM backtest");
    }

    @AfterEach
    void stopInstances() {
        instances.forEach(Instance::kill);
    }

    @Test
    void twoInstancesRunEveryQueuedJobExactlyOnce() {
        List<UUID> jobs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            jobs.add(queue("JOB" + i));
        }
        // the first four runs wait for each other: both instances must have both their threads busy at once
        CountDownLatch allThreadsBusy = new CountDownLatch(4);
        Map<String, String> ranBy = new ConcurrentHashMap<>();
        Map<String, Integer> runs = new ConcurrentHashMap<>();
        Instance a = instance("it-a", LONG);
        Instance b = instance("it-b", LONG);
        for (Instance instance : List.of(a, b)) {
            instance.behaviour = (symbol, cancelled) -> {
                runs.merge(symbol, 1, Integer::sum);
                ranBy.put(symbol, instance.name);
                allThreadsBusy.countDown();
                awaitQuietly(allThreadsBusy);
                return Map.of("by", instance.name);
            };
        }

        a.executor.start();
        b.executor.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> count("status = 'COMPLETED'") == jobs.size());
        assertThat(runs).hasSize(jobs.size()).allSatisfy((symbol, times) -> assertThat(times).isEqualTo(1));
        assertThat(ranBy.values()).contains("it-a", "it-b");
        assertThat(count("attempts = 1 AND owner IS NULL AND lease_expires_at IS NULL")).isEqualTo(jobs.size());
        for (UUID job : jobs) {
            String symbol = jdbc.queryForObject("SELECT request ->> 'symbol' FROM backtest WHERE id = ?", String.class,
                    job);
            assertThat(ranBy(job)).isEqualTo(ranBy.get(symbol));
        }
    }

    @Test
    void aFrozenInstancesJobIsTakenOverAfterItsLeaseAndItsLateFinishIsIgnored() throws Exception {
        UUID job = queue("LONG");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch thawed = new CountDownLatch(1);
        Instance a = instance("it-a");
        a.behaviour = (symbol, cancelled) -> {
            started.countDown();
            awaitQuietly(thawed);
            return Map.of("by", "it-a");
        };
        a.executor.start();
        started.await();
        // it-a stops renewing (a long GC pause, a lost network, a dead process: its job thread still "runs")
        a.executor.stopTimer();
        Instance b = instance("it-b");
        b.behaviour = (symbol, cancelled) -> Map.of("by", "it-b");

        b.executor.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(status(job)));
        assertThat(ranBy(job)).isEqualTo("it-b");
        assertThat(jdbc.queryForObject("SELECT attempts FROM backtest WHERE id = ?", Integer.class, job)).isEqualTo(2);
        thawed.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> !a.executor.isRunning(job));
        assertThat(status(job)).isEqualTo("COMPLETED");
        assertThat(ranBy(job)).as("it-a's late outcome is dropped").isEqualTo("it-b");
    }

    @Test
    void aJobWhoseInstanceDiedAtEveryAttemptIsFailedNotRunAgain() {
        UUID job = queue("KILLER");
        jdbc.update("""
                UPDATE backtest SET status = 'RUNNING', owner = 'died-twice', attempts = 2, started_at = now(),
                    lease_expires_at = now() - interval '1 second' WHERE id = ?""", job);
        Map<String, Integer> runs = new ConcurrentHashMap<>();
        Instance a = instance("it-a");
        a.behaviour = (symbol, cancelled) -> runs.merge(symbol, 1, Integer::sum);

        a.executor.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(status(job)));
        assertThat(error(job)).startsWith("not run again: the instance running it stopped 2 times");
        assertThat(runs).isEmpty();
    }

    @Test
    void aJobLeftRunningWithoutALeaseByAnOlderVersionIsRunOnceMore() {
        UUID job = queue("ORPHAN");
        jdbc.update("UPDATE backtest SET status = 'RUNNING', attempts = 1, started_at = now() WHERE id = ?", job);
        Instance a = instance("it-a");
        a.behaviour = (symbol, cancelled) -> Map.of("by", "it-a");

        a.executor.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(status(job)));
        assertThat(error(job)).isNull();
    }

    @Test
    void aJobCancelledThroughAnotherInstanceStopsAtTheNextRenewal() throws Exception {
        UUID job = queue("CANCEL");
        CountDownLatch started = new CountDownLatch(1);
        Instance a = instance("it-a");
        a.behaviour = (symbol, cancelled) -> {
            started.countDown();
            while (!cancelled.getAsBoolean()) {
                Thread.onSpinWait();
            }
            throw new java.util.concurrent.CancellationException();
        };
        a.executor.start();
        started.await();

        // what BacktestService.cancel on another instance writes
        jdbc.update("UPDATE backtest SET status = 'FAILED', error = 'cancelled at now', version = version + 1 "
                + "WHERE id = ?", job);

        await().atMost(Duration.ofSeconds(30)).until(() -> !a.executor.isRunning(job));
        assertThat(status(job)).isEqualTo("FAILED");
        assertThat(error(job)).isEqualTo("cancelled at now");
        assertThat(result(job)).isNull();
    }

    @Test
    void aJobThatRunsOutOfMemoryIsFailedWithTheReason() {
        UUID job = queue("HUGE");
        Instance a = instance("it-a");
        a.behaviour = (symbol, cancelled) -> {
            throw new OutOfMemoryError("Java heap space");
        };

        a.executor.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(status(job)));
        assertThat(error(job)).contains("ran out of memory");
    }

    @Test
    void anOrderlyStopGivesTheJobBackWithoutUsingAnAttempt() throws Exception {
        UUID job = queue("ROLLING");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        Instance a = instance("it-a");
        a.behaviour = (symbol, cancelled) -> {
            started.countDown();
            awaitQuietly(released);
            return Map.of("by", "it-a");
        };
        a.executor.start();
        started.await();

        a.executor.stop();

        assertThat(jdbc.queryForMap("SELECT status, owner, attempts FROM backtest WHERE id = ?", job))
                .containsEntry("status", "QUEUED").containsEntry("owner", null).containsEntry("attempts", 0);
        released.countDown();
        Instance b = instance("it-b");
        b.behaviour = (symbol, cancelled) -> Map.of("by", "it-b");
        b.executor.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(status(job)));
        assertThat(ranBy(job)).isEqualTo("it-b");
        assertThat(jdbc.queryForObject("SELECT attempts FROM backtest WHERE id = ?", Integer.class, job)).isEqualTo(1);
    }

    @Test
    void theQueueLimitCountsTheJobsOfEveryInstance() {
        queue("ONE");
        queue("TWO");
        UUID running = queue("THREE");
        jdbc.update("UPDATE backtest SET status = 'RUNNING', owner = 'elsewhere', "
                + "lease_expires_at = now() + interval '1 hour' WHERE id = ?", running);
        JobExecutor executor = instance("it-a").executor;

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> executor.requireRoom(3)))
                .isInstanceOf(TooManyJobsException.class).hasMessageStartingWith("3 jobs are queued or running");
        transactions.executeWithoutResult(status -> executor.requireRoom(4));
    }

    @Test
    void twoInstancesQueueingAtOnceCannotBothTakeTheLastPlace() throws Exception {
        queue("ONE");
        queue("TWO");
        JobExecutor a = instance("it-a").executor;
        JobExecutor b = instance("it-b").executor;
        AtomicInteger secondConnection = new AtomicInteger();
        CountDownLatch firstCounted = new CountDownLatch(1);
        AtomicReference<CompletableFuture<Boolean>> second = new AtomicReference<>();
        // a thread each (the common pool may have a single one on two cores)
        ExecutorService requests = Executors.newFixedThreadPool(2);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            a.requireRoom(3);
            queue("FIRST");
            int connection = jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
            firstCounted.countDown();
            // commit only once the second is waiting for the queue's lock (or, were there no lock, has counted)
            await().atMost(Duration.ofSeconds(30)).until(() -> second.get() != null && (second.get().isDone()
                    || secondConnection.get() != 0 && jdbc.queryForObject("SELECT ? = ANY (pg_blocking_pids(?))",
                    Boolean.class, connection, secondConnection.get())));
            return true;
        }), requests);
        firstCounted.await();
        second.set(CompletableFuture.supplyAsync(() -> {
            try {
                return transactions.execute(status -> {
                    secondConnection.set(jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class));
                    b.requireRoom(3);
                    queue("SECOND");
                    return true;
                });
            } catch (TooManyJobsException e) {
                return false;
            }
        }, requests));

        assertThat(List.of(first.get(60, TimeUnit.SECONDS), second.get().get(60, TimeUnit.SECONDS)))
                .containsExactly(true, false);
        assertThat(count("status = 'QUEUED'")).isEqualTo(3);
        requests.shutdown();
    }

    @Test
    void anOrderlyStopGivesTheJobBackBeforeStoppingItsWorkSoNoCancelIsStored() throws Exception {
        UUID job = queue("ROLLING-SWEEP");
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean releasing = new AtomicBoolean();
        CountDownLatch ranOnDuringRelease = new CountDownLatch(1);
        CountDownLatch finishStored = new CountDownLatch(1);
        Instance a = instance("it-a", LONG);
        // the release waits until the sweep has either been stopped and its outcome stored, or has read its stop
        // flag while the release was under way and been told to go on: so a stop flag raised before the release
        // always shows
        a.leases.before = step -> {
            if (step.equals("release")) {
                releasing.set(true);
                await().atMost(Duration.ofSeconds(30)).until(() -> finishStored.getCount() == 0
                        || ranOnDuringRelease.getCount() == 0);
            }
        };
        a.leases.after = step -> {
            if (step.equals("finish")) {
                finishStored.countDown();
            }
        };
        a.behaviour = (symbol, stop) -> {
            started.countDown();
            while (true) {
                boolean duringRelease = releasing.get();
                if (stop.getAsBoolean()) {
                    throw new CancellationException();
                }
                if (duringRelease) {
                    ranOnDuringRelease.countDown();
                }
                Thread.onSpinWait();
            }
        };
        a.executor.start();
        started.await();

        a.executor.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> !a.executor.isRunning(job));

        assertThat(jdbc.queryForMap("SELECT status, owner, attempts, error FROM backtest WHERE id = ?", job))
                .containsEntry("status", "QUEUED").containsEntry("owner", null).containsEntry("attempts", 0)
                .containsEntry("error", null);
        assertThat(finishStored.getCount()).as("nothing stored for the given-back job").isEqualTo(1);
    }

    @Test
    void aJobWhoseLeaseRanOutWhileItsInstanceStillRunsItIsNotClaimedAgainByThatInstance() throws Exception {
        UUID job = queue("OUTAGE");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        Instance a = instance("it-a", LONG);
        a.behaviour = (symbol, stop) -> {
            runs.incrementAndGet();
            started.countDown();
            awaitQuietly(done);
            return Map.of("by", "it-a");
        };
        assertThat(a.executor.claimWhileFree()).isEqualTo(1);
        started.await();
        // a database outage longer than the lease: the renewals failed and the lease ran out (on its second attempt,
        // so a job that looked abandoned would even be failed as "stopped 2 times")
        jdbc.update("UPDATE backtest SET lease_expires_at = now() - interval '1 second', attempts = 2 WHERE id = ?",
                job);

        assertThat(a.executor.claimWhileFree()).as("its own job is not claimed again").isZero();
        assertThat(status(job)).isEqualTo("RUNNING");
        done.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(status(job)));
        assertThat(runs).hasValue(1);
        assertThat(error(job)).isNull();
    }

    @Test
    void aLeaseNotRenewedForAHeartbeatIsRenewedBeforeTheInstanceClaimsMore() throws Exception {
        UUID job = queue("RECOVERED");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Instance a = instance("it-a", SHORT);
        a.behaviour = (symbol, stop) -> {
            started.countDown();
            awaitQuietly(done);
            return Map.of("by", "it-a");
        };
        assertThat(a.executor.claimWhileFree()).isEqualTo(1);
        started.await();
        jdbc.update("UPDATE backtest SET lease_expires_at = now() - interval '1 second' WHERE id = ?", job);
        long claimedAt = System.nanoTime();
        // no renewal for longer than a heartbeat, as after an outage (this instance's timer is not running)
        await().pollDelay(SHORT.heartbeat().plusMillis(100)).atMost(Duration.ofSeconds(30))
                .until(() -> System.nanoTime() - claimedAt > SHORT.heartbeat().toNanos());

        assertThat(a.executor.claimWhileFree()).isZero();

        assertThat(jdbc.queryForObject("SELECT lease_expires_at > now() FROM backtest WHERE id = ?", Boolean.class,
                job)).as("the lease was renewed before the claim").isTrue();
        assertThat(attempts(job)).isEqualTo(1);
        done.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(status(job)));
    }

    @Test
    void aJobTakenOverWhileItsInstanceStillLivedDoesNotUseUpAnAttempt() throws Exception {
        UUID job = queue("TAKEN-OVER");
        CountDownLatch startedOnA = new CountDownLatch(1);
        CountDownLatch finishOnB = new CountDownLatch(1);
        Instance a = instance("it-a", LONG);
        a.behaviour = (symbol, stop) -> {
            startedOnA.countDown();
            while (!stop.getAsBoolean()) {
                Thread.onSpinWait();
            }
            throw new CancellationException();
        };
        Instance b = instance("it-b", LONG);
        b.behaviour = (symbol, stop) -> {
            awaitQuietly(finishOnB);
            return Map.of("by", "it-b");
        };
        a.executor.claimWhileFree();
        startedOnA.await();
        // it-a's renewals failed for longer than the lease (a database outage): it-b takes the job over
        jdbc.update("UPDATE backtest SET lease_expires_at = now() - interval '1 second' WHERE id = ?", job);
        assertThat(b.executor.claimWhileFree()).isEqualTo(1);
        assertThat(attempts(job)).isEqualTo(2);

        // the database is back: it-a learns that it lost the job, stops it and gives back its attempt
        a.executor.renewLeases();

        await().atMost(Duration.ofSeconds(30)).until(() -> !a.executor.isRunning(job));
        assertThat(attempts(job)).isEqualTo(1);
        finishOnB.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(status(job)));
        assertThat(ranBy(job)).isEqualTo("it-b");
        assertThat(attempts(job)).isEqualTo(1);
    }

    @Test
    void anOutcomeThatCouldNotBeStoredIsStoredLaterNotRunAgain() {
        UUID job = queue("STORE-LATER");
        AtomicInteger runs = new AtomicInteger();
        AtomicBoolean failedOnce = new AtomicBoolean();
        Instance a = instance("it-a");
        a.leases.before = step -> {
            if (step.equals("finish") && failedOnce.compareAndSet(false, true)) {
                throw new TransientDataAccessResourceException("the database is down");
            }
        };
        a.behaviour = (symbol, stop) -> {
            runs.incrementAndGet();
            return Map.of("by", "it-a");
        };

        a.executor.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(status(job)));
        assertThat(failedOnce).isTrue();
        assertThat(runs).hasValue(1);
        assertThat(attempts(job)).isEqualTo(1);
    }

    @Test
    void anErrorWhileClaimingDoesNotEndTheInstancesPolling() {
        UUID job = queue("AFTER-ERROR");
        AtomicBoolean thrown = new AtomicBoolean();
        Instance a = instance("it-a");
        a.leases.before = step -> {
            if (step.equals("claim") && thrown.compareAndSet(false, true)) {
                throw new AssertionError("a class that failed to load, say");
            }
        };

        a.executor.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(status(job)));
        assertThat(thrown).isTrue();
    }

    @Test
    void aRenewalThatFailsDoesNotSkipTheOtherJobsRenewals() throws Exception {
        queue("FIRST");
        queue("SECOND");
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger renewals = new AtomicInteger();
        Instance a = instance("it-a", LONG);
        a.behaviour = (symbol, stop) -> {
            started.countDown();
            awaitQuietly(done);
            return Map.of();
        };
        assertThat(a.executor.claimWhileFree()).isEqualTo(2);
        started.await();
        a.leases.before = step -> {
            if (step.equals("renew")) {
                renewals.incrementAndGet();
                throw new TransientDataAccessResourceException("the database is down");
            }
        };

        a.executor.renewLeases();

        assertThat(renewals).as("each job's renewal was tried").hasValue(2);
        done.countDown();
    }

    @Test
    void aJobWhoseStoredRequestCannotBeReadIsFailedNotRetried() {
        UUID job = queue("{\"initialCapital\":\"lots\"}", "clock_timestamp()");
        Map<String, Integer> runs = new ConcurrentHashMap<>();
        Instance a = instance("it-a");
        a.behaviour = (symbol, stop) -> runs.merge(symbol, 1, Integer::sum);

        a.executor.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(status(job)));
        assertThat(error(job)).contains("stored request cannot be read");
        assertThat(runs).isEmpty();
    }

    @Test
    void aJobThatOverflowsTheStackIsFailedWithTheReason() {
        UUID job = queue("DEEP");
        Instance a = instance("it-a");
        a.behaviour = (symbol, stop) -> {
            throw new StackOverflowError();
        };

        a.executor.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(status(job)));
        assertThat(error(job)).contains("overflowed the stack");
    }

    private Instance instance(String name) {
        return instance(name, SHORT);
    }

    private Instance instance(String name, JobProperties properties) {
        Instance instance = new Instance(name, properties);
        instances.add(instance);
        return instance;
    }

    private static UUID queue(String symbol) {
        return queue("{\"symbol\":\"" + symbol + "\",\"initialCapital\":10000}", "clock_timestamp()");
    }

    private static UUID queue(String request, String createdAt) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO backtest (id, kind, status, request, created_at) "
                + "VALUES (?, 'BACKTEST', 'QUEUED', CAST(? AS jsonb), " + createdAt + ")", id, request);
        return id;
    }

    private static int attempts(UUID id) {
        return jdbc.queryForObject("SELECT attempts FROM backtest WHERE id = ?", Integer.class, id);
    }

    private static int count(String condition) {
        return jdbc.queryForObject("SELECT count(*) FROM backtest WHERE " + condition, Integer.class);
    }

    private static String status(UUID id) {
        return jdbc.queryForObject("SELECT status FROM backtest WHERE id = ?", String.class, id);
    }

    private static String error(UUID id) {
        return jdbc.queryForObject("SELECT error FROM backtest WHERE id = ?", String.class, id);
    }

    /** Which instance's outcome the job stores. */
    private static String ranBy(UUID id) {
        return jdbc.queryForObject("SELECT result ->> 'by' FROM backtest WHERE id = ?", String.class, id);
    }

    private static String result(UUID id) {
        return jdbc.queryForObject("SELECT result::text FROM backtest WHERE id = ?", String.class, id);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    interface Behaviour {
        Object run(String symbol, BooleanSupplier cancelled);
    }

    /** The real lease statements, with hooks before and after each that a test sets to fail or to wait. */
    private static final class HookedLeases extends JobLeases {

        volatile Consumer<String> before = step -> { };
        volatile Consumer<String> after = step -> { };

        HookedLeases(String name, JobProperties properties) {
            super(jdbc, transactions, properties, new InstanceIdentity(name),
                    new JobMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), null));
        }

        @Override
        Optional<Claimed> claimNext(Collection<UUID> runningHere) {
            before.accept("claim");
            Optional<Claimed> claimed = super.claimNext(runningHere);
            after.accept("claim");
            return claimed;
        }

        @Override
        boolean renew(UUID id) {
            before.accept("renew");
            boolean renewed = super.renew(id);
            after.accept("renew");
            return renewed;
        }

        @Override
        boolean finish(UUID id, String result, String error) {
            before.accept("finish");
            boolean stored = super.finish(id, result, error);
            after.accept("finish");
            return stored;
        }

        @Override
        boolean release(UUID id) {
            before.accept("release");
            boolean released = super.release(id);
            after.accept("release");
            return released;
        }
    }

    /** One service instance: its name, two job threads, and a runner doing what the test says. */
    private static final class Instance {

        final String name;
        final ExecutorService threads = Executors.newFixedThreadPool(2);
        final HookedLeases leases;
        final JobExecutor executor;
        volatile Behaviour behaviour = (symbol, cancelled) -> Map.of();

        Instance(String name, JobProperties properties) {
            this.name = name;
            JobRunner runner = new JobRunner(null, null) {
                @Override
                Prepared prepare(BacktestJob job) {
                    return new Prepared(job, null, 0, 1);
                }

                @Override
                Object run(Prepared prepared, BooleanSupplier cancelled) {
                    return behaviour.run(prepared.job().symbol(), cancelled);
                }
            };
            leases = new HookedLeases(name, properties);
            executor = new JobExecutor(leases, runner, threads::execute, JSON, properties, 2);
        }

        /** Stops claiming and renewing and abandons its threads, as a killed process would. */
        void kill() {
            executor.stopTimer();
            threads.shutdownNow();
        }
    }
}
