package io.tradingedu.orchestrator.clips;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one ffmpeg/ffprobe call with a deadline. Output goes to temporary files rather than pipes, so a chatty tool
 * can never block on a full pipe while we wait; the process is killed on timeout and on interrupt.
 */
final class MediaProcess {

    private static final int MAX_MESSAGE = 300;

    private MediaProcess() {
    }

    /** @return the tool's standard output */
    static String run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        String tool = Path.of(command.getFirst()).getFileName().toString();
        Path out = Files.createTempFile("clip-tool-", ".out");
        Path err = Files.createTempFile("clip-tool-", ".err");
        try {
            Process process;
            try {
                process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            } catch (IOException e) {
                throw new IOException(tool + " could not be started (" + command.getFirst() + "): " + e.getMessage(), e);
            }
            process.getOutputStream().close();
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    kill(process);
                    throw new IOException(tool + " did not finish within " + timeout.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                kill(process);
                throw e;
            }
            if (process.exitValue() != 0) {
                String reason = reason(Files.readString(err, StandardCharsets.UTF_8));
                throw new IOException(tool + " failed (exit " + process.exitValue() + ")"
                        + (reason.isEmpty() ? "" : ": " + reason));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Waits for the kill, so the caller can delete what the tool was writing. */
    private static void kill(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * ffmpeg's first error line usually names the cause ("Could not find tag for codec pcm_s16le") and its last one
     * the consequence ("Error initializing output stream"); both, without the "[demuxer @ 0x…]" prefixes.
     */
    static String reason(String stderr) {
        List<String> lines = stderr.lines()
                .map(l -> l.replaceFirst("^\\[[^]]*@ ?0x[0-9a-fA-F]+] ", "").replaceFirst("\\s*--\\s*$", "").strip())
                .filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            return "";
        }
        String first = lines.getFirst();
        String last = lines.getLast();
        String reason = first.equals(last) ? last : first + "; " + last;
        return reason.length() > MAX_MESSAGE ? reason.substring(0, MAX_MESSAGE) + "…" : reason;
    }
}
