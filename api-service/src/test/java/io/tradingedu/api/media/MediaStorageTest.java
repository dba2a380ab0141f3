package io.tradingedu.api.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaStorageTest {

    @TempDir
    Path root;

    @Test
    void deletesOnlyStagingFilesOlderThanTheCutoff() throws Exception {
        MediaStorage storage = new MediaStorage(new MediaProperties(root, root.resolve("ingest"), null));
        StoredFile interrupted = storage.stage(new ByteArrayInputStream(new byte[] {1, 2, 3}), "old.mp4");
        StoredFile inProgress = storage.stage(new ByteArrayInputStream(new byte[] {4, 5, 6}), "new.mp4");
        Instant now = Instant.now();
        Files.setLastModifiedTime(interrupted.path(), FileTime.from(now.minus(Duration.ofDays(2))));
        Path keptNote = Files.writeString(root.resolve(".incoming").resolve("README"), "not a staging file");
        Files.setLastModifiedTime(keptNote, FileTime.from(now.minus(Duration.ofDays(2))));

        int deleted = storage.deleteStagingFilesOlderThan(now.minus(Duration.ofDays(1)));

        assertThat(deleted).isEqualTo(1);
        assertThat(interrupted.path()).doesNotExist();
        assertThat(inProgress.path()).exists();
        assertThat(keptNote).exists();
    }

    @Test
    void keepsOnlyTheLastPathSegmentOfAClientFilenameInHarmlessCharacters() {
        assertThat(MediaStorage.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(MediaStorage.safeName("C:\\videos\\lesson 1?.mp4")).isEqualTo("lesson 1_.mp4");
        assertThat(MediaStorage.safeName(".hidden")).isEqualTo("video.hidden");
        assertThat(MediaStorage.safeName("analysis")).isEqualTo("video-analysis");
    }
}
