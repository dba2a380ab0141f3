package io.tradingedu.shared.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingedu.shared.backtest.BacktestPlan;
import io.tradingedu.shared.backtest.DatasetRef;
import io.tradingedu.shared.backtest.TestPlan;
import io.tradingedu.shared.strategy.StrategyText;
import io.tradingedu.shared.strategy.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class PipelineMessagesTest {

    private static final UUID RUN = UUID.randomUUID();
    private static final UUID MEDIA = UUID.randomUUID();

    static Stream<PipelineMessage> everyMessageType() {
        ValidateMedia validate = ValidateMedia.of(RUN, MEDIA, 2, "/media/x/lesson.mp4");
        MediaProbe probe = new MediaProbe(62.5, "mov,mp4,m4a,3gp,3g2,mj2", 1280, 720, 29.97, "h264", "aac",
                List.of(new MediaProbe.SubtitleStream(2, "mov_text", "eng")));
        RunBacktest backtest = RunBacktest.of(RUN, MEDIA, 1,
                List.of(new RunBacktest.StrategyToTest("rsi-1", StrategyText.parse("entry: RSI(14) < 30\nmax_bars: 5"))),
                new BacktestPlan(List.of(new DatasetRef("SPX", "1d", Instant.parse("2000-01-01T00:00:00Z"), null)),
                        10_000, new TestPlan.WalkForward(250, 125)));
        StrategiesBacktested backtested = StrategiesBacktested.of(backtest, List.of(
                new StrategiesBacktested.StrategyResult("rsi-1", null, List.of(), List.of(
                        new StrategiesBacktested.DatasetResult(backtest.plan().datasets().getFirst(), UUID.randomUUID(),
                                List.of(new StrategiesBacktested.PeriodMetrics("window_1",
                                        Instant.parse("2000-01-03T00:00:00Z"), Instant.parse("2000-12-29T00:00:00Z"),
                                        Map.of("sharpe", 0.8, "total_return", 0.12)))))),
                new StrategiesBacktested.StrategyResult("bad", "never", List.of(new Violation("entry", "can never be true")),
                        List.of())));
        ProcessVideo process = ProcessVideo.of(RUN, MEDIA, 1, "/media/x/lesson.mp4", probe);
        DetectKeywords detect = DetectKeywords.of(RUN, MEDIA, 1, "/media/x/lesson.mp4");
        GenerateClips clips = GenerateClips.of(RUN, MEDIA, 1, "/media/x/lesson.mp4");
        ExtractConcepts concepts = ExtractConcepts.of(RUN, MEDIA, 1, "/media/x/lesson.mp4");
        EmbedMedia embed = EmbedMedia.of(RUN, MEDIA, 1);
        ComputeFeatures features = ComputeFeatures.of(RUN, MEDIA, 1);
        GenerateStrategies generate = GenerateStrategies.of(RUN, MEDIA, 1);
        EvaluateStrategies evaluate = EvaluateStrategies.of(RUN, MEDIA, 1, backtested);
        VideoProcessed processed = VideoProcessed.of(process, "subtitle-stream", 3, 61, 4, 3, List.of("no OCR text"));
        return Stream.of(
                process,
                processed,
                detect,
                KeywordsDetected.of(detect, "2026.11-1", 12, 7, Map.of("technical_indicator", 5)),
                clips,
                ClipsGenerated.of(clips, 2, 31.5, List.of()),
                concepts,
                ConceptsExtracted.of(concepts, 4, Map.of("indicator", 2, "risk_rule", 2)),
                embed,
                MediaEmbedded.of(embed, "all-minilm-l6-v2-q", 12, 3, 2, 1.5, List.of("2 frames without text")),
                StageProgressed.of(process, "transcribing 0:10 / 0:20"),
                StageCompleted.of(processed),
                features,
                FeaturesComputed.of(features, "features-v1", 34, List.of("stage 6 did not run: no topic spread")),
                generate,
                StrategiesGenerated.of(generate, "rules", List.of("s1", "s2"), List.of()),
                StrategiesGenerated.of(generate, "rules", List.of(), List.of("no entry condition was taught")),
                backtest,
                backtested,
                evaluate,
                StrategiesEvaluated.of(evaluate, List.of("s1"), List.of("s2"), List.of()),
                MediaIngested.of(RUN, MEDIA, "/media/x/lesson.mp4", "lesson.mp4", "ab".repeat(32), 1234L),
                MediaDeleted.of(RUN, MEDIA),
                validate,
                MediaValidated.of(validate, probe, "h264 1280x720"),
                StageFailed.of(validate, "file is truncated", false),
                RunStatusChanged.of(RUN, MEDIA, RunStatus.FAILED, PipelineStage.VALIDATE, "no video stream"));
    }

    @ParameterizedTest
    @MethodSource("everyMessageType")
    void everyMessageSurvivesAJsonRoundTrip(PipelineMessage message) {
        String json = PipelineMessages.toJson(message);

        assertThat(PipelineMessages.fromJson(json)).isEqualTo(message);
        assertThat(json).contains("\"type\":\"" + message.getClass().getSimpleName() + "\"")
                .contains("\"schemaVersion\":1")
                .doesNotContain("io.tradingedu");
    }

    @Test
    void unknownFieldsAreTolerated() {
        String json = PipelineMessages.toJson(MediaDeleted.of(RUN, MEDIA))
                .replaceFirst("\\{", "{\"addedInALaterRelease\":{\"x\":1},");

        assertThat(PipelineMessages.fromJson(json)).isInstanceOf(MediaDeleted.class)
                .extracting(PipelineMessage::mediaId).isEqualTo(MEDIA);
    }

    @Test
    void unknownTypeIsUnreadable() {
        assertThatThrownBy(() -> PipelineMessages.fromJson("{\"type\":\"SomethingElse\",\"eventId\":\"" + RUN + "\"}"))
                .isInstanceOf(PipelineMessages.UnreadableMessageException.class);
    }

    @Test
    void garbageIsUnreadable() {
        assertThatThrownBy(() -> PipelineMessages.fromJson("not json"))
                .isInstanceOf(PipelineMessages.UnreadableMessageException.class);
    }
}
