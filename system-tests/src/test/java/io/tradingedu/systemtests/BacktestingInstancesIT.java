package io.tradingedu.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two backtesting-service instances on one database with queued jobs; one is killed: every job still finishes, once
 * (docs/backtesting.md, jobs). Each instance runs one job at a time and queues every backtest (a tiny sync limit).
 */
class BacktestingInstancesIT {

    private static final int JOBS_PER_INSTANCE = 5;
    private static final Duration JOBS_TIMEOUT = Duration.ofMinutes(2);

    private static SystemSuite suite;
    private static ServiceProcess first;
    private static ServiceProcess second;

    @BeforeAll
    static void startSuite() {
        suite = SystemSuite.withInfrastructure();
        try {
            Map<String, String> settings = Map.of("BACKTEST_SYNC_LIMIT_BARS", "1000", "BACKTEST_JOB_THREADS", "1");
            first = suite.start("backtesting-1", "backtesting-service", SystemSuite.BACKTESTING_PORT, settings);
            second = suite.start("backtesting-2", "backtesting-service", SystemSuite.BACKTESTING_PORT + 10, settings);
            SystemSuite.awaitHealthy(first, second);
            suite.client(first).postFiles("/market-data?symbol=SPX&timeframe=1d",
                    Map.of("file", suite.paths().marketData().resolve("sp500-2000.csv"))).expect(200, 201);
        } catch (RuntimeException | Error e) {
            suite.close();
            throw e;
        }
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void jobsOfAKilledInstanceFinishOnTheOtherExactlyOnce() {
        ApiClient one = suite.client(first);
        ApiClient two = suite.client(second);
        String strategy = one.postText("/strategies", "name: Golden cross\nentry: SMA(50) crosses above SMA(200)\n"
                + "exit: SMA(50) crosses below SMA(200)").expect(200, 201).json().path("id").asString();

        List<UUID> jobs = new ArrayList<>();
        List<UUID> ofFirst = new ArrayList<>();
        for (int i = 0; i < JOBS_PER_INSTANCE; i++) {
            ofFirst.add(queueWalkForward(one, strategy, 504 + 21 * i));
            jobs.add(queueWalkForward(two, strategy, 504 + 21 * i));
        }
        jobs.addAll(ofFirst);
        // the first instance dies with jobs queued or running (each is stored before its 202)
        first.kill();
        assertThat(ofFirst.stream().filter(job -> !isFinished(two, job)).count())
                .as("jobs of the first instance left unfinished by its death").isPositive();

        Commands.await(JOBS_TIMEOUT, "every job finished (" + jobs.size() + ") with the first instance dead",
                () -> jobs.stream().allMatch(job -> isFinished(two, job)));
        for (UUID job : jobs) {
            JsonNode view = two.get("/backtest/" + job).expect(200, 201).json();
            assertThat(view.path("status").asString().toUpperCase(Locale.ROOT)).as("job " + job + ": " + view)
                    .isEqualTo("COMPLETED");
            assertThat(view.path("result").isMissingNode() || view.path("result").isNull())
                    .as("job " + job + " has its result").isFalse();
            long completions = first.logLinesContaining("backtest " + job + " completed")
                    + second.logLinesContaining("backtest " + job + " completed");
            assertThat(completions).as("times job " + job + " was completed").isLessThanOrEqualTo(1);
        }
    }

    /** A walk-forward backtest: its work (windows x window bars) is above the sync limit, so it is queued (202). */
    private static UUID queueWalkForward(ApiClient client, String strategy, int windowBars) {
        JsonNode job = client.postJson("/backtest", Map.of("strategy_id", strategy, "symbol", "SPX", "timeframe", "1d",
                "plan", Map.of("mode", "walk_forward", "window_bars", windowBars, "step_bars", windowBars)))
                .expect(202).json();
        return UUID.fromString(job.path("id").asString());
    }

    private static boolean isFinished(ApiClient client, UUID job) {
        String status = client.get("/backtest/" + job).json().path("status").asString().toUpperCase(Locale.ROOT);
        return status.equals("COMPLETED") || status.equals("FAILED");
    }
}
