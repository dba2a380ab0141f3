package io.tradingedu.api.dashboard;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the Statistics page shows: the catalogue by status, each pipeline stage's counts and durations, the latest
 * stage failures with their reasons, and how many runs wait for or are in the backtest stage.
 */
public record DashboardStats(
        @Schema(description = "media items by status (every item in the catalogue)", example = "{\"completed\": 12}")
        Map<String, Long> mediaByStatus,
        long mediaTotal,
        @Schema(description = "stages, runs and failures cover the runs created after this instant")
        Instant since,
        @Schema(description = "how far back 'since' is", example = "PT720H") Duration window,
        @Schema(description = "one entry per pipeline stage, in pipeline order") List<StageStats> stages,
        @Schema(description = "the latest stage failures, newest first") List<Failure> latestFailures,
        BacktestQueue backtestQueue) {

    /**
     * One stage over the window's runs.
     *
     * @param waiting   runs whose current stage this is and whose execution has not started, or waits to retry
     * @param durations seconds from a successful execution's start to its end
     */
    public record StageStats(int number, String stage, long succeeded, long failed, long running, long waiting,
                             long cancelled, Durations durations) {
    }

    /** Seconds of the successful executions; all null when there were none. */
    public record Durations(Double averageSeconds, Double medianSeconds, Double p95Seconds, Double maxSeconds) {
    }

    public record Failure(UUID mediaId, String filename, UUID runId, int stageNumber, String stage, int attempt,
                          String reason, Instant failedAt) {
    }

    /**
     * Stage 9's queue: runs executing it now, runs at it but not started (or waiting to retry), and runs still at an
     * earlier stage that will reach it.
     */
    public record BacktestQueue(long running, long waiting, long upstream,
                                @Schema(description = "running + waiting") long depth) {

        public static BacktestQueue of(long running, long waiting, long upstream) {
            return new BacktestQueue(running, waiting, upstream, running + waiting);
        }
    }
}
