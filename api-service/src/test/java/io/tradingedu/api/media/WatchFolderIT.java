package io.tradingedu.api.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The watch folder against the local PostgreSQL: files dropped there become media items, once each. */
@SpringBootTest(properties = {"media.watch.enabled=true", "media.watch.interval=200ms",
        "logging.structured.format.console="})
class WatchFolderIT {

    @TempDir
    static Path base;

    @DynamicPropertySource
    static void roots(DynamicPropertyRegistry registry) {
        TestSetup.mediaRoots(registry, base);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDroppedFileIsIngestedOnceAndHiddenFilesAreLeftAlone() throws Exception {
        Path watch = base.resolve("ingest").resolve("watch");
        byte[] content = new byte[4_000];
        new Random(42).nextBytes(content);
        String digest = java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(content));

        Files.write(watch.resolve("dropped-lesson.mp4"), content);
        Files.write(watch.resolve(".still-copying.mp4"), new byte[] {1, 2, 3});

        await().atMost(Duration.ofSeconds(20)).until(() -> count("sha256 = ?", digest) == 1);
        Thread.sleep(1_000);
        assertThat(count("sha256 = ?", digest)).isEqualTo(1);
        assertThat(count("filename = ?", ".still-copying.mp4")).isZero();
        assertThat(jdbc.queryForObject("SELECT filename FROM media_item WHERE sha256 = ?", String.class, digest))
                .isEqualTo("dropped-lesson.mp4");
    }

    private int count(String where, Object value) {
        return jdbc.queryForObject("SELECT count(*) FROM media_item WHERE " + where, Integer.class, value);
    }
}
