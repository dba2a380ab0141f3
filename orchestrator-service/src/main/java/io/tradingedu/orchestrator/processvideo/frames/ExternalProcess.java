package io.tradingedu.orchestrator.processvideo.frames;

import io.tradingedu.orchestrator.media.Checkpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs ffmpeg or tesseract with a time limit. Output goes to files, not pipes, so a chatty tool can never block on a
 * full pipe and the wait can be bounded; the process (and anything it started) is killed on timeout, interrupt or
 * cancellation.
 */
final class ExternalProcess {

    private static final long POLL_MILLIS = 200;

    /** @param exitCode the tool's exit code; -1 when it was killed for taking too long */
    record Outcome(int exitCode, boolean timedOut) {

        boolean succeeded() {
            return !timedOut && exitCode == 0;
        }
    }

    private ExternalProcess() {
    }

    /**
     * @throws IOException when the tool cannot be started (missing binary), with a message naming it
     */
    static Outcome run(List<String> command, Map<String, String> environment, Path stdout, Path stderr,
            Duration timeout, Checkpoint checkpoint) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException(Path.of(command.getFirst()).getFileName() + " is not available (" + command.getFirst()
                    + "): " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                checkpoint.check();
                if (System.nanoTime() - deadline > 0) {
                    return new Outcome(-1, true);
                }
            }
            return new Outcome(process.exitValue(), false);
        } finally {
            if (process.isAlive()) {
                kill(process);
            }
        }
    }

    /** The last non-blank lines of a tool's stderr, for an error message. */
    static String tail(Path stderr, int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(stderr), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty()).toList();
            return String.join("; ", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            // let it die before the caller deletes the files it writes
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
