package io.tradingedu.orchestrator.run;

import static io.tradingedu.shared.pipeline.PipelineStage.DETECT_KEYWORDS;
import static io.tradingedu.shared.pipeline.PipelineStage.PROCESS_VIDEO;
import static io.tradingedu.shared.pipeline.PipelineStage.VALIDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PipelineRunTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final StagePolicy POLICY = new StagePolicy(Duration.ofMinutes(2), 3, Duration.ofSeconds(10), null);
    private static final Function<PipelineStage, StagePolicy> POLICIES = stage -> POLICY;

    private final PipelineRun run = new PipelineRun(UUID.randomUUID(), UUID.randomUUID(), "/media/a.mp4",
            List.of(VALIDATE, PROCESS_VIDEO, DETECT_KEYWORDS), T0);

    @Test
    void newRunIsPendingWithEveryStagePending() {
        assertThat(run.getStatus()).isEqualTo(RunStatus.PENDING);
        assertThat(run.getStages()).extracting(StageExecution::getStatus).containsOnly(StageStatus.PENDING);
    }

    @Test
    void startingDispatchesTheFirstStageWithALease() {
        StageDispatch dispatch = run.start(T0, POLICIES);

        assertThat(dispatch).isEqualTo(new StageDispatch(VALIDATE, 1));
        assertThat(run.getStatus()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.stage(VALIDATE).getLeaseExpiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
    }

    @Test
    void startingTwiceIsIllegal() {
        run.start(T0, POLICIES);
        assertThatThrownBy(() -> run.start(T0, POLICIES)).isInstanceOf(IllegalRunTransitionException.class);
    }

    @Test
    void completingAStageDispatchesTheNextAndRecordsSummaryAndTimings() {
        run.start(T0, POLICIES);

        var next = run.recordSuccess(VALIDATE, 1, "h264 1280x720", "{}", T0.plusSeconds(3), POLICIES);

        assertThat(next).contains(new StageDispatch(PROCESS_VIDEO, 1));
        assertThat(run.getCurrentStage()).isEqualTo(PROCESS_VIDEO);
        StageExecution validate = run.stage(VALIDATE);
        assertThat(validate.getStatus()).isEqualTo(StageStatus.SUCCEEDED);
        assertThat(validate.getSummary()).isEqualTo("h264 1280x720");
        assertThat(validate.duration()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void completingTheLastStageCompletesTheRun() {
        run.start(T0, POLICIES);
        run.recordSuccess(VALIDATE, 1, "ok", null, T0, POLICIES);
        run.recordSuccess(PROCESS_VIDEO, 1, "ok", null, T0, POLICIES);

        assertThat(run.recordSuccess(DETECT_KEYWORDS, 1, "ok", null, T0.plusSeconds(9), POLICIES)).isEmpty();

        assertThat(run.getStatus()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.getFinishedAt()).isEqualTo(T0.plusSeconds(9));
    }

    @Test
    void duplicateCompletionIsIgnored() {
        run.start(T0, POLICIES);
        run.recordSuccess(VALIDATE, 1, "ok", null, T0, POLICIES);

        assertThat(run.recordSuccess(VALIDATE, 1, "again", null, T0, POLICIES)).isEmpty();
        assertThat(run.getCurrentStage()).isEqualTo(PROCESS_VIDEO);
        assertThat(run.stage(VALIDATE).getSummary()).isEqualTo("ok");
        assertThat(run.stage(PROCESS_VIDEO).getAttempt()).isEqualTo(1);
    }

    @Test
    void outcomeForAStageNotRunningIsIgnored() {
        run.start(T0, POLICIES);
        assertThat(run.recordSuccess(PROCESS_VIDEO, 1, "early", null, T0, POLICIES)).isEmpty();
        assertThat(run.recordFailure(PROCESS_VIDEO, 1, "early", false, T0, POLICIES)).isFalse();
        assertThat(run.getCurrentStage()).isEqualTo(VALIDATE);
    }

    @Test
    void businessFailureFailsRunWithReason() {
        run.start(T0, POLICIES);

        assertThat(run.recordFailure(VALIDATE, 1, "no video stream", false, T0, POLICIES)).isTrue();

        assertThat(run.getStatus()).isEqualTo(RunStatus.FAILED);
        assertThat(run.getFailureReason()).isEqualTo("stage 1 (validate) failed: no video stream");
        assertThat(run.stage(VALIDATE).getStatus()).isEqualTo(StageStatus.FAILED);
    }

    @Test
    void transientFailureWaitsWithExponentialBackoffThenRetries() {
        run.start(T0, POLICIES);

        run.recordFailure(VALIDATE, 1, "ffprobe is not available", true, T0, POLICIES);
        assertThat(run.stage(VALIDATE).getStatus()).isEqualTo(StageStatus.RETRY_WAIT);
        assertThat(run.stage(VALIDATE).getNextAttemptAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(run.onTimer(T0.plusSeconds(9), POLICIES)).isEmpty();

        assertThat(run.onTimer(T0.plusSeconds(10), POLICIES)).contains(new StageDispatch(VALIDATE, 2));
        run.recordFailure(VALIDATE, 2, "ffprobe is not available", true, T0.plusSeconds(10), POLICIES);
        assertThat(run.stage(VALIDATE).getNextAttemptAt()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void attemptsAreLimitedPerStage() {
        run.start(T0, POLICIES);
        Instant now = T0;
        for (int attempt = 1; attempt <= 3; attempt++) {
            run.recordFailure(VALIDATE, attempt, "tool missing", true, now, POLICIES);
            now = now.plus(Duration.ofHours(1));
            run.onTimer(now, POLICIES);
        }
        assertThat(run.getStatus()).isEqualTo(RunStatus.FAILED);
        assertThat(run.stage(VALIDATE).getAttempt()).isEqualTo(3);
        assertThat(run.getFailureReason()).isEqualTo("stage 1 (validate) failed after 3 attempts: tool missing");
    }

    @Test
    void expiredLeaseCountsAsTransientFailureAndRedispatches() {
        run.start(T0, POLICIES);
        assertThat(run.onTimer(T0.plusSeconds(119), POLICIES)).isEmpty();

        run.onTimer(T0.plusSeconds(120), POLICIES);
        assertThat(run.stage(VALIDATE).getStatus()).isEqualTo(StageStatus.RETRY_WAIT);
        assertThat(run.stage(VALIDATE).getErrorReason()).contains("no result from the validate worker");

        assertThat(run.onTimer(T0.plusSeconds(130), POLICIES)).contains(new StageDispatch(VALIDATE, 2));
    }

    @Test
    void lateSuccessOfAnEarlierAttemptIsAcceptedOnce() {
        run.start(T0, POLICIES);
        run.onTimer(T0.plusSeconds(120), POLICIES);
        run.onTimer(T0.plusSeconds(130), POLICIES);

        assertThat(run.recordSuccess(VALIDATE, 1, "slow but fine", null, T0.plusSeconds(131), POLICIES))
                .contains(new StageDispatch(PROCESS_VIDEO, 1));
        assertThat(run.recordSuccess(VALIDATE, 2, "fine again", null, T0.plusSeconds(132), POLICIES)).isEmpty();
        assertThat(run.stage(VALIDATE).getSummary()).isEqualTo("slow but fine");
    }

    @Test
    void staleFailureOfAnEarlierAttemptIsIgnored() {
        run.start(T0, POLICIES);
        run.onTimer(T0.plusSeconds(120), POLICIES);
        run.onTimer(T0.plusSeconds(130), POLICIES);

        assertThat(run.recordFailure(VALIDATE, 1, "late failure", false, T0.plusSeconds(131), POLICIES)).isFalse();
        assertThat(run.getStatus()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void cancellingARunningRunCancelsItsCurrentStage() {
        run.start(T0, POLICIES);

        run.cancel("cancelled by request", T0.plusSeconds(5));

        assertThat(run.getStatus()).isEqualTo(RunStatus.CANCELLED);
        assertThat(run.stage(VALIDATE).getStatus()).isEqualTo(StageStatus.CANCELLED);
        assertThat(run.recordSuccess(VALIDATE, 1, "too late", null, T0.plusSeconds(6), POLICIES)).isEmpty();
    }

    @Test
    void cancellingAPendingRunIsAllowed() {
        run.cancel("not wanted", T0);
        assertThat(run.getStatus()).isEqualTo(RunStatus.CANCELLED);
    }

    @Test
    void cancellingAFinishedRunIsIllegal() {
        run.start(T0, POLICIES);
        run.recordFailure(VALIDATE, 1, "no video stream", false, T0, POLICIES);

        assertThatThrownBy(() -> run.cancel("x", T0)).isInstanceOf(IllegalRunTransitionException.class)
                .hasMessageContaining("already FAILED");
    }

    @Test
    void retryingAFailedRunResumesAtTheFailedStageWithAFreshBudget() {
        run.start(T0, POLICIES);
        run.recordSuccess(VALIDATE, 1, "ok", null, T0, POLICIES);
        for (int attempt = 1; attempt <= 3; attempt++) {
            run.recordFailure(PROCESS_VIDEO, attempt, "asr down", true, T0, POLICIES);
            run.onTimer(T0.plus(Duration.ofHours(attempt)), POLICIES);
        }
        assertThat(run.getStatus()).isEqualTo(RunStatus.FAILED);

        StageDispatch retry = run.retryFailedStage(T0.plus(Duration.ofDays(1)), POLICIES);

        assertThat(retry).isEqualTo(new StageDispatch(PROCESS_VIDEO, 4));
        assertThat(run.getStatus()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.getFailureReason()).isNull();
        assertThat(run.stage(VALIDATE).getStatus()).isEqualTo(StageStatus.SUCCEEDED);
        assertThat(run.stage(PROCESS_VIDEO).getMaxAttempt()).isEqualTo(6);
    }

    @Test
    void retryingARunThatDidNotFailIsIllegal() {
        run.start(T0, POLICIES);
        assertThatThrownBy(() -> run.retryFailedStage(T0, POLICIES)).isInstanceOf(IllegalRunTransitionException.class);
    }

    @Test
    void progressOfTheRunningAttemptIsShownAndRenewsTheLease() {
        run.start(T0, POLICIES);

        boolean recorded = run.recordProgress(VALIDATE, 1, "transcribing 0:40 / 2:00", T0.plusSeconds(90), POLICIES);

        assertThat(recorded).isTrue();
        assertThat(run.stage(VALIDATE).getProgress()).isEqualTo("transcribing 0:40 / 2:00");
        assertThat(run.stage(VALIDATE).getLeaseExpiresAt()).isEqualTo(T0.plusSeconds(90).plus(Duration.ofMinutes(2)));
        assertThat(run.onTimer(T0.plusSeconds(150), POLICIES)).isEmpty();
        assertThat(run.stage(VALIDATE).getStatus()).isEqualTo(StageStatus.RUNNING);
    }

    @Test
    void progressOfAnotherStageOrAFutureAttemptChangesNothing() {
        run.start(T0, POLICIES);

        assertThat(run.recordProgress(PROCESS_VIDEO, 1, "wrong stage", T0.plusSeconds(21), POLICIES)).isFalse();
        assertThat(run.recordProgress(VALIDATE, 2, "not dispatched", T0.plusSeconds(21), POLICIES)).isFalse();
        assertThat(run.stage(VALIDATE).getProgress()).isNull();
    }

    @Test
    void anEarlierAttemptStillWorkingKeepsTheStageAliveAfterALaterOneWasDispatched() {
        run.start(T0, POLICIES);
        run.onTimer(T0.plus(Duration.ofMinutes(2)), POLICIES);
        assertThat(run.stage(VALIDATE).getStatus()).isEqualTo(StageStatus.RETRY_WAIT);

        assertThat(run.recordProgress(VALIDATE, 1, "transcribing 9:00 / 40:00", T0.plusSeconds(125), POLICIES))
                .isTrue();

        StageExecution validate = run.stage(VALIDATE);
        assertThat(validate.getStatus()).isEqualTo(StageStatus.RUNNING);
        assertThat(validate.getNextAttemptAt()).isNull();
        assertThat(run.recordSuccess(VALIDATE, 1, "done", "{}", T0.plusSeconds(200), POLICIES))
                .contains(new StageDispatch(PROCESS_VIDEO, 1));
    }

    @Test
    void aCommandWaitingForAWorkerHasThePickupTimeoutThenTheLeaseRunsFromItsFirstReport() {
        var queued = new StagePolicy(Duration.ofMinutes(2), 3, Duration.ofSeconds(10), Duration.ofMinutes(30));
        run.start(T0, stage -> queued);

        assertThat(run.onTimer(T0.plus(Duration.ofMinutes(20)), stage -> queued)).isEmpty();
        assertThat(run.stage(VALIDATE).getStatus()).isEqualTo(StageStatus.RUNNING);

        run.recordProgress(VALIDATE, 1, "started", T0.plus(Duration.ofMinutes(25)), stage -> queued);
        assertThat(run.stage(VALIDATE).getLeaseExpiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(27)));
    }

    @Test
    void successClearsTheProgressMessage() {
        run.start(T0, POLICIES);
        run.recordProgress(VALIDATE, 1, "probing", T0.plusSeconds(1), POLICIES);

        run.recordSuccess(VALIDATE, 1, "ok", "{}", T0.plusSeconds(2), POLICIES);

        assertThat(run.stage(VALIDATE).getProgress()).isNull();
    }
}
