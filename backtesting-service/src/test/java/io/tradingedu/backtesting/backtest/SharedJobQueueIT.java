package io.tradingedu.backtesting.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.tradingedu.backtesting.marketdata.InstanceIdentity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several instances of the service sharing one job queue, against the local PostgreSQL. Each "instance" is a
 * {@link JobExecutor} with its own owner name, job threads and runner, in this JVM. The queue lives in a private
 * schema, migrated here and dropped afterwards, so no other process's jobs are claimed and no other process claims
 * these. Leases are short (2 s, renewed every 400 ms) so that takeovers happen within the test.
 */
class SharedJobQueueIT {

    private static final String SCHEMA = "backtest_queue_it_" + UUID.randomUUID().toString().substring(0, 8);
    private static final JobProperties LEASES = new JobProperties(Duration.ofSeconds(2), Duration.ofMillis(400),
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
        Instance a = instance("it-a");
        Instance b = instance("it-b");
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

    private Instance instance(String name) {
        Instance instance = new Instance(name);
        instances.add(instance);
        return instance;
    }

    private static UUID queue(String symbol) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO backtest (id, kind, status, request, created_at)
                VALUES (?, 'BACKTEST', 'QUEUED', CAST(? AS jsonb), clock_timestamp())""",
                id, "{\"symbol\":\"" + symbol + "\",\"initialCapital\":10000}");
        return id;
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

    /** One service instance: its name, two job threads, and a runner doing what the test says. */
    private static final class Instance {

        final String name;
        final ExecutorService threads = Executors.newFixedThreadPool(2);
        final JobExecutor executor;
        volatile Behaviour behaviour = (symbol, cancelled) -> Map.of();

        Instance(String name) {
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
            JobLeases leases = new JobLeases(jdbc, transactions, LEASES, new InstanceIdentity(name));
            executor = new JobExecutor(leases, runner, threads::execute, JSON, LEASES, 2);
        }

        /** Stops claiming and renewing and abandons its threads, as a killed process would. */
        void kill() {
            executor.stopTimer();
            threads.shutdownNow();
        }
    }
}
