package io.tradingedu.shared.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
        return Stream.of(
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
