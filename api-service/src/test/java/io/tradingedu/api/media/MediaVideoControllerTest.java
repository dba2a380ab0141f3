package io.tradingedu.api.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MediaVideoControllerTest {

    @Test
    void contentTypeFollowsTheStoredFilesExtensionInAnyCase() {
        assertThat(type("lesson.mp4")).isEqualTo("video/mp4");
        assertThat(type("LESSON.MP4")).isEqualTo("video/mp4");
        assertThat(type("talk.webm")).isEqualTo("video/webm");
        assertThat(type("talk.mkv")).isEqualTo("video/x-matroska");
        assertThat(type("talk.mov")).isEqualTo("video/quicktime");
        assertThat(type("talk.avi")).isEqualTo("video/x-msvideo");
        assertThat(type("podcast.mp3")).isEqualTo("audio/mpeg");
        assertThat(type("podcast.wav")).isEqualTo("audio/wav");
        assertThat(type("podcast.m4a")).isEqualTo("audio/mp4");
    }

    @Test
    void unknownOrMissingExtensionsAreServedAsBytes() {
        assertThat(type("notes.pdf")).isEqualTo("application/octet-stream");
        assertThat(type("video")).isEqualTo("application/octet-stream");
        assertThat(type("archive.mp4.exe")).isEqualTo("application/octet-stream");
    }

    private static String type(String name) {
        return MediaVideoController.contentTypeOf(Path.of("/media", name)).toString();
    }
}
