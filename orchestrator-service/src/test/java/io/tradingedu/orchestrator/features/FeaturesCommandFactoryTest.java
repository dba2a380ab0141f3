package io.tradingedu.orchestrator.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.orchestrator.run.PipelineRun;
import io.tradingedu.orchestrator.run.StagePolicy;
import io.tradingedu.shared.pipeline.ComputeFeatures;
import io.tradingedu.shared.pipeline.EmbedMedia;
import io.tradingedu.shared.pipeline.MediaEmbedded;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.PipelineStage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Stage 7's command carries the topic spread stage 6 reported in the same run. */
class FeaturesCommandFactoryTest {

    private static final StagePolicy POLICY = new StagePolicy(Duration.ofMinutes(2), 3, Duration.ofSeconds(5), null);
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final FeaturesCommandFactory factory = new FeaturesCommandFactory();

    @Test
    void passesStageSixsTopicSpreadThroughTheWire() {
        PipelineRun run = runAfterEmbeddings(outcome -> PipelineMessages.toJson(
                MediaEmbedded.of(outcome, "all-minilm-l6-v2-q", 8, 2, 1, 1.2, List.of(), 0.1875)));

        ComputeFeatures command = (ComputeFeatures) factory.create(run, 1);
        ComputeFeatures received = (ComputeFeatures) PipelineMessages.fromJson(PipelineMessages.toJson(command));

        assertThat(command.stage()).isEqualTo(PipelineStage.FEATURES);
        assertThat(received.topicSpread()).isEqualTo(0.1875);
        assertThat(received.runId()).isEqualTo(run.getId());
        assertThat(received.mediaId()).isEqualTo(run.getMediaId());
        assertThat(received.attempt()).isEqualTo(1);
    }

    @Test
    void noSpreadWhenStageSixMeasuredNoneOrSentTheOlderEventWithoutIt() {
        PipelineRun measuredNone = runAfterEmbeddings(outcome -> PipelineMessages.toJson(
                MediaEmbedded.of(outcome, "m", 1, 0, 0, 0.1, List.of())));
        // an embeddings-service from before the field: its JSON has no topicSpread at all
        PipelineRun older = runAfterEmbeddings(outcome -> PipelineMessages.toJson(
                MediaEmbedded.of(outcome, "m", 3, 0, 0, 0.1, List.of())).replace(",\"topicSpread\":null", ""));

        assertThat(((ComputeFeatures) factory.create(measuredNone, 1)).topicSpread()).isNull();
        assertThat(((ComputeFeatures) factory.create(older, 2)).topicSpread()).isNull();
    }

    @Test
    void noSpreadWhenTheRunHasNoEmbeddingsStage() {
        PipelineRun run = new PipelineRun(UUID.randomUUID(), UUID.randomUUID(), "/media/x.mp4",
                List.of(PipelineStage.FEATURES), NOW);
        run.start(NOW, s -> POLICY);

        assertThat(((ComputeFeatures) factory.create(run, 1)).topicSpread()).isNull();
    }

    private static PipelineRun runAfterEmbeddings(java.util.function.Function<EmbedMedia, String> output) {
        PipelineRun run = new PipelineRun(UUID.randomUUID(), UUID.randomUUID(), "/media/x.mp4",
                List.of(PipelineStage.EMBEDDINGS, PipelineStage.FEATURES), NOW);
        run.start(NOW, s -> POLICY);
        EmbedMedia command = EmbedMedia.of(run.getId(), run.getMediaId(), 1);
        String json = output.apply(command);
        MediaEmbedded outcome = (MediaEmbedded) PipelineMessages.fromJson(json);
        run.recordSuccess(PipelineStage.EMBEDDINGS, 1, outcome.summary(), json, NOW, s -> POLICY);
        return run;
    }
}
