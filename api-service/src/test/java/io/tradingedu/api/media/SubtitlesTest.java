package io.tradingedu.api.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingedu.api.support.BadParameterException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

class SubtitlesTest {

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void contentDecidesWhenItIsRecognisable() {
        assertThat(Subtitles.recognise("a.srt", utf8("\uFEFFWEBVTT\n\n00:01.000 --> 00:02.000\nhi\n")))
                .get().extracting(Subtitles::format).isEqualTo(Subtitles.Format.VTT);
        assertThat(Subtitles.recognise("captions.txt", utf8("1\n00:00:01,000 --> 00:00:02,000\nhi\n")))
                .get().extracting(Subtitles::format).isEqualTo(Subtitles.Format.SRT);
    }

    @Test
    void theNameDecidesOtherwiseAndBinaryIsNeverSubtitles() {
        assertThat(Subtitles.recognise("Lesson.VTT", utf8("hello"))).get().extracting(Subtitles::format)
                .isEqualTo(Subtitles.Format.VTT);
        assertThat(Subtitles.recognise("notes.txt", utf8("hello"))).isEmpty();
        assertThat(Subtitles.recognise("a.srt", new byte[] {'1', 0, '2'})).isEmpty();
        assertThat(Subtitles.recognise("a.srt", new byte[0])).isEmpty();
    }

    @Test
    void uploadsAboveFiveMegabytesAreRefusedWithoutReadingThem() {
        var never = new ByteArrayResource(new byte[0]) {
            @Override
            public java.io.InputStream getInputStream() {
                throw new AssertionError("read although too large");
            }
        };

        assertThatThrownBy(() -> Subtitles.fromUpload("big.srt", Subtitles.MAX_BYTES + 1, never))
                .isInstanceOf(BadParameterException.class).hasMessageContaining("at most 5 MB")
                .extracting(e -> ((BadParameterException) e).field()).isEqualTo("subtitles");
    }

    @Test
    void storedNamesAreTheOnesTheTranscriptStageLooksFor() {
        assertThat(Subtitles.Format.SRT.storedName()).isEqualTo("subtitles.srt");
        assertThat(Subtitles.Format.VTT.storedName()).isEqualTo("subtitles.vtt");
        assertThat(MediaStorage.safeName("Subtitles.SRT")).isEqualTo("video-Subtitles.SRT");
    }
}
