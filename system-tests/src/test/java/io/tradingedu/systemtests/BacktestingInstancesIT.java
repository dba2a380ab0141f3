package io.tradingedu.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two backtesting-service instances share one database's job queue; one is killed while it runs a job: the job is
 * taken over once its lease runs out, and every job completes exactly once (docs/backtesting.md, "Several
 * instances"). Each instance runs one job at a time on one core and queues every job (a tiny sync limit); the lease
 * is short so the takeover comes within seconds. What happened is read from the jobs' rows, not from the logs.
 *
 * <p>It runs last of the classes on the usual ports: by then PipelineFaultsIT, running beside them, is mostly waiting
 * out its PostgreSQL outage, so the 2 s heartbeats of a 10 s lease are not starved of CPU by four JVMs starting.
 */
@Order(Integer.MAX_VALUE)
class BacktestingInstancesIT {

    private static final int JOBS = 4;
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final Duration JOBS_TIMEOUT = Duration.ofMinutes(3);
    /** Variants of each job's sweep: 25 fast × 40 slow averages. */
    private static final int VARIANTS = 1000;
    private static final String FIRST = "backtesting-1";
    private static final String SECOND = "backtesting-2";

    private static SystemSuite suite;
    private static ServiceProcess first;
    private static ServiceProcess second;

    @BeforeAll
    static void startSuite() {
        suite = SystemSuite.withInfrastructure();
        try {
            first = suite.start(FIRST, "backtesting-service", suite.backtestingPort(), settings(FIRST));
            second = suite.start(SECOND, "backtesting-service", suite.backtestingPort() + 10, settings(SECOND));
            SystemSuite.awaitHealthy(first, second);
            suite.loadSp500(suite.serviceClient(first));
        } catch (RuntimeException | Error e) {
            suite.close();
            throw e;
        }
    }

    /**
     * One job thread and one sweep worker per instance (a job lasts seconds, so the kill finds one running), every
     * job queued, and a 10 s lease renewed every 2 s (the default minute would only make the test wait).
     */
    private static Map<String, String> settings(String instance) {
        return Map.of("BACKTESTING_INSTANCE_ID", instance,
                "BACKTEST_SYNC_LIMIT_BARS", "1000",
                "BACKTEST_JOB_THREADS", "1",
                "BACKTEST_SWEEP_PARALLELISM", "1",
                "BACKTEST_JOBS_LEASE", LEASE.toSeconds() + "s",
                "BACKTEST_JOBS_HEARTBEAT", "2s",
                "BACKTEST_JOBS_POLL", "1s");
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    /**
     * Both instances were started at once on an empty database, as replicas are by a deploy: Flyway's lock (a
     * PostgreSQL advisory lock) let one of them migrate while the other waited and found the work done (both were
     * healthy before any test), so every versioned migration is applied once and none failed.
     */
    @Test
    void instancesStartedTogetherMigrateTheEmptyDatabaseOnce() {
        List<String> applied = query("SELECT version || ' ' || success FROM backtesting.flyway_schema_history "
                + "WHERE version IS NOT NULL AND installed_by = ? ORDER BY installed_rank",
                rs -> rs.getString(1), PrivatePostgres.USER);
        assertThat(applied).as("backtesting's versioned migrations").isNotEmpty().doesNotHaveDuplicates()
                .allMatch(row -> row.endsWith(" true"))
                .containsSubsequence("1 true", "2 true", "3 true", "4 true");
    }

    @Test
    void aKilledInstancesJobIsTakenOverAndEveryJobCompletesExactlyOnce() {
        ApiClient one = suite.serviceClient(first);
        ApiClient two = suite.serviceClient(second);
        String strategy = one.postText("/strategies", "name: Golden cross\nentry: SMA(50) crosses above SMA(200)\n"
                + "exit: SMA(50) crosses below SMA(200)").expect(200, 201).json().path("id").asString();

        // the same sweep every time, queued on either instance: the queue is shared, so either may run any of them
        List<UUID> jobs = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            jobs.add(queueSweep(i % 2 == 0 ? one : two, strategy));
        }

        // frozen (SIGSTOP) while its rows are read, so the job found running cannot finish before the kill
        List<UUID> interrupted = new ArrayList<>();
        Commands.await(Duration.ofMinutes(1), FIRST + " running a job", () -> {
            first.freeze();
            try {
                interrupted.addAll(runningOn(FIRST));
            } finally {
                if (interrupted.isEmpty()) {
                    first.thaw();
                }
            }
            return !interrupted.isEmpty();
        });
        first.kill();
        // these jobs hold the dead instance's lease until it runs out; nothing of it changes their rows any more
        assertThat(runningOn(FIRST)).as("jobs " + FIRST + " was running when it was killed")
                .containsExactlyInAnyOrderElementsOf(interrupted);

        Commands.await(JOBS_TIMEOUT, "every job (" + JOBS + ") finished with " + FIRST + " dead",
                () -> rows(jobs).stream().allMatch(row -> row.status().equals("COMPLETED")
                        || row.status().equals("FAILED")));

        String result = null;
        for (JobRow row : rows(jobs)) {
            assertThat(row.status()).as("job %s: %s", row.id(), row).isEqualTo("COMPLETED");
            assertThat(row.error()).as("job %s: its takeover note is cleared as it completes", row.id()).isNull();
            assertThat(row.owner()).as("job %s: owner of a finished job", row.id()).isNull();
            int claims = interrupted.contains(row.id()) ? 2 : 1;
            assertThat(row.attempts()).as("job %s: claims (taken over: %s)", row.id(), claims > 1)
                    .isEqualTo(claims);
            // every change of the row bumps its version: the insert (0), one per claim and one finish, so a second
            // finish (an outcome stored twice, or over the new owner's) would show here
            assertThat(row.version()).as("job %s: changes of its row (%s)", row.id(), row).isEqualTo(claims + 1L);
            // every job is the same sweep: the one run again after the takeover answers what the others do
            JsonNode view = two.get("/optimize/" + row.id()).expect(200).json();
            assertThat(view.path("status").asString().toUpperCase(Locale.ROOT)).isEqualTo("COMPLETED");
            assertThat(view.path("sweep").path("variants").asInt()).as("job %s: variants run", row.id())
                    .isEqualTo(VARIANTS);
            String best = view.path("sweep").path("ranked").path(0).toString();
            assertThat(best).as("job %s: best variant", row.id()).isNotEmpty();
            if (result == null) {
                result = best;
            }
            assertThat(best).as("job %s: best variant of the same sweep", row.id()).isEqualTo(result);
        }
        assertThat(second.alive()).as(SECOND + " survived").isTrue();
    }

    /**
     * A sweep of the two averages: {@value #VARIANTS} variants × the S&P 500's 6,000-odd daily bars, far above the
     * sync limit, so it is queued (202); a few seconds on one core.
     */
    private static UUID queueSweep(ApiClient client, String strategy) {
        JsonNode job = client.postJson("/optimize", Map.of("strategy_id", strategy, "symbol", "SPX",
                "timeframe", "1d", "top", 3, "parameters", List.of(
                        Map.of("path", "entry.left.params.period,exit.left.params.period",
                                "from", 10, "to", 34, "step", 1),
                        Map.of("path", "entry.right.params.period,exit.right.params.period",
                                "from", 100, "to", 295, "step", 5))))
                .expect(202).json();
        return UUID.fromString(job.path("id").asString());
    }

    /** A job's row as the instances left it. */
    private record JobRow(UUID id, String status, String owner, int attempts, long version, String error) {
    }

    private static List<UUID> runningOn(String instance) {
        return query("SELECT id FROM backtesting.backtest WHERE status = 'RUNNING' AND owner = ?",
                rs -> rs.getObject(1, UUID.class), instance);
    }

    private static List<JobRow> rows(List<UUID> ids) {
        return query("SELECT id, status, owner, attempts, version, error FROM backtesting.backtest "
                + "WHERE id = ANY (?) ORDER BY created_at", rs -> new JobRow(rs.getObject(1, UUID.class),
                rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5), rs.getString(6)),
                ids.toArray(UUID[]::new));
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> query(String sql, Row<T> row, Object argument) {
        try (Connection connection = suite.postgres().connect();
             var statement = connection.prepareStatement(sql)) {
            if (argument instanceof UUID[] ids) {
                statement.setArray(1, connection.createArrayOf("uuid", ids));
            } else {
                statement.setObject(1, argument);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }
}
