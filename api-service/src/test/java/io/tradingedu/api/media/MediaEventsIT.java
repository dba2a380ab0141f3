package io.tradingedu.api.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradingedu.api.AnalysisApiSupport;
import io.tradingedu.shared.pipeline.MediaProbe;
import io.tradingedu.shared.pipeline.MediaValidated;
import io.tradingedu.shared.pipeline.PipelineMessage;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.RunStatus;
import io.tradingedu.shared.pipeline.RunStatusChanged;
import io.tradingedu.shared.pipeline.StageCompleted;
import io.tradingedu.shared.pipeline.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/** The catalogue learns pipeline facts on one road: the orchestrator's run events topic. */
class MediaEventsIT extends AnalysisApiSupport {

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void stageCompletedWithTheValidationOutcomeStoresTheProbe() throws Exception {
        UUID media = catalogued("probed.mp4");
        UUID run = runOf(media);
        MediaProbe probe = new MediaProbe(125.5, "mov,mp4,m4a,3gp,3g2,mj2", 1280, 720, 30.0, "h264", "aac",
                List.of(new MediaProbe.SubtitleStream(2, "mov_text", "eng")));
        MediaValidated validated = new MediaValidated(UUID.randomUUID(), run, media, Instant.now(),
                PipelineMessage.SCHEMA_VERSION, 1, probe, "valid");

        send(StageCompleted.of(validated));
        send(RunStatusChanged.of(run, media, RunStatus.COMPLETED, null, null));

        await().atMost(Duration.ofSeconds(30)).until(() -> "completed".equals(item(media).get("status"))
                && item(media).get("duration_seconds") != null);
        assertThat(item(media)).containsEntry("duration_seconds", 125.5).containsEntry("width", 1280)
                .containsEntry("height", 720).containsEntry("video_codec", "h264").containsEntry("audio_codec", "aac")
                .containsEntry("subtitle_streams", 1);
    }

    @Test
    void listensToTheRunEventsTopicOnly() {
        var container = (AbstractMessageListenerContainer<?, ?>) listeners.getListenerContainer("api-media");

        assertThat(container.getContainerProperties().getTopics()).containsExactly(Topics.RUN_EVENTS)
                .doesNotContain(PipelineStage.VALIDATE.eventsTopic());
    }

    private void send(PipelineMessage message) throws Exception {
        kafka.send(Topics.RUN_EVENTS, message.mediaId().toString(), PipelineMessages.toJson(message)).get();
    }

    private Map<String, Object> item(UUID media) {
        return http.get().uri("/media_items/{id}", media).retrieve().body(Map.class);
    }
}
