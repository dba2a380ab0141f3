package io.tradingedu.orchestrator.clips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaProcessTest {

    @TempDir
    Path dir;

    @Test
    void processPastItsDeadlineIsKilled() throws Exception {
        Path pidFile = dir.resolve("pid");

        assertThatThrownBy(() -> MediaProcess.run(sleeper(pidFile), Duration.ofSeconds(1)))
                .isInstanceOf(IOException.class).hasMessage("sh did not finish within 1 s");
        assertThat(alive(pidFile)).isFalse();
    }

    @Test
    void interruptKillsTheProcess() throws Exception {
        Path pidFile = dir.resolve("pid");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                MediaProcess.run(sleeper(pidFile), Duration.ofMinutes(5));
            } catch (Exception e) {
                thrown.set(e);
            }
        });
        worker.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(pidFile) && Files.size(pidFile) > 0);

        worker.interrupt();
        worker.join();

        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(alive(pidFile)).isFalse();
    }

    @Test
    void failureMessageNamesCauseAndConsequenceWithoutDemuxerPrefixes() {
        String stderr = """
                [mp4 @ 0x55a377de85c0] Could not find tag for codec pcm_s16le in stream #1, codec not currently supported in container
                Could not write header for output file #0 (incorrect codec parameters ?): Invalid argument
                Error initializing output stream 0:1 --\s
                """;

        assertThat(MediaProcess.reason(stderr)).isEqualTo("Could not find tag for codec pcm_s16le in stream #1, "
                + "codec not currently supported in container; Error initializing output stream 0:1");
        assertThat(MediaProcess.reason("/nope.mp4: No such file or directory\n"))
                .isEqualTo("/nope.mp4: No such file or directory");
        assertThat(MediaProcess.reason("")).isEmpty();
    }

    /** A shell that records its pid, then becomes a 60 s sleep (exec keeps the pid). */
    private static List<String> sleeper(Path pidFile) {
        return List.of("sh", "-c", "echo $$ > '" + pidFile + "'; exec sleep 60");
    }

    private static boolean alive(Path pidFile) throws IOException {
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
