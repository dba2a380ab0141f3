package io.tradingedu.api.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which paths {@code POST /ingest} may read, and that a refusal tells nothing about files outside the root. */
class IngestPathsTest {

    @TempDir
    Path base;
    private Path root;
    private IngestPaths paths;

    @BeforeEach
    void createRoot() throws IOException {
        root = base.resolve("ingest");
        paths = new IngestPaths(new MediaProperties(base.resolve("media"), root, null));
    }

    @Test
    void acceptsARegularFileInsideTheRootByRelativeOrAbsolutePath() throws IOException {
        Path video = Files.write(root.resolve("lesson.mp4"), new byte[] {1, 2, 3});

        assertThat(paths.resolve("lesson.mp4")).isEqualTo(video.toRealPath());
        assertThat(paths.resolve(video.toRealPath().toString())).isEqualTo(video.toRealPath());
    }

    @Test
    void answersAnExistingFileOutsideTheRootExactlyLikeAMissingOne() throws IOException {
        Path existing = Files.write(base.resolve("secret.mp4"), new byte[] {1});
        Path missing = base.resolve("nothing-here.mp4");

        assertThat(messageFor(existing.toString()))
                .isEqualTo(messageFor(missing.toString()).replace("nothing-here.mp4", "secret.mp4"))
                .startsWith("no such file: " + existing + " (");
        assertThat(messageFor("/etc/passwd")).isEqualTo(messageFor("/etc/no-such-file-at-all")
                .replace("/etc/no-such-file-at-all", "/etc/passwd"));
    }

    @Test
    void answersLinksLeadingOutsideOrNowhereLikeAMissingFile() throws IOException {
        Path outside = Files.write(base.resolve("elsewhere.mp4"), new byte[] {1});
        Files.createSymbolicLink(root.resolve("out.mp4"), outside);
        Files.createSymbolicLink(root.resolve("gone.mp4"), base.resolve("missing.mp4"));

        assertThat(messageFor("out.mp4")).isEqualTo(messageFor("gone.mp4").replace("gone.mp4", "out.mp4"))
                .isEqualTo(messageFor("none.mp4").replace("none.mp4", "out.mp4"));
    }

    @Test
    void namesNoServerPathButTheOneTheCallerSent() throws IOException {
        Files.write(base.resolve("secret.mp4"), new byte[] {1});
        Files.createSymbolicLink(root.resolve("out.mp4"), base.resolve("secret.mp4"));
        Files.createDirectories(root.resolve("folder"));

        for (String sent : new String[] {"out.mp4", "none.mp4", "folder", "../x.mp4", "/nowhere/x.mp4"}) {
            assertThat(messageFor(sent)).doesNotContain(base.toString()).doesNotContain(root.toString());
        }
    }

    @Test
    void explainsDirectoriesInsideTheRootAndParentSteps() throws IOException {
        Files.createDirectories(root.resolve("folder"));

        assertThat(messageFor("folder")).isEqualTo("video_path is a directory, not a file: folder");
        assertThat(messageFor("a/../../x.mp4")).isEqualTo("video_path must not contain '..'");
    }

    @Test
    void quotesAtMostAnExcerptOfALongPath() {
        String longName = "v".repeat(5_000);

        assertThat(messageFor(longName)).hasSizeLessThan(400).contains("v".repeat(199) + "…");
    }

    private String messageFor(String videoPath) {
        return assertThatThrownBy(() -> paths.resolve(videoPath)).isInstanceOf(InvalidIngestPathException.class)
                .actual().getMessage();
    }
}
