package io.tradingedu.orchestrator.processvideo.audio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command-line tool (ffmpeg, pocketsphinx) with a deadline. Output goes to temporary files rather than
 * pipes, so a chatty tool can never block on a full pipe nobody reads; the process is killed on timeout and when the
 * waiting thread is interrupted, and the files are removed either way.
 */
public final class ToolProcess {

    private static final int STDERR_KEEP = 2_000;

    private ToolProcess() {
    }

    /** What the tool printed and how it ended. {@code stderr} keeps only its last lines. */
    public record Result(int exitCode, String stdout, String stderr) {

        public boolean succeeded() {
            return exitCode == 0;
        }

        /** The last non-blank line of stderr, for a reason a person can read. */
        public String lastError() {
            List<String> lines = stderr.strip().lines().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "exit code " + exitCode : lines.getLast().replaceFirst("^\\[[^]]*] ", "");
        }
    }

    /** The tool did not finish in time; it has been killed. */
    public static final class TimeoutException extends IOException {

        TimeoutException(String message) {
            super(message);
        }
    }

    /**
     * @throws TimeoutException when the tool runs past {@code timeout}
     * @throws IOException      when the tool cannot be started (e.g. not installed)
     */
    public static Result run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Path out = Files.createTempFile("tool-", ".out");
        Path err = Files.createTempFile("tool-", ".err");
        Process process = null;
        try {
            try {
                process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            } catch (IOException e) {
                throw new IOException("cannot run " + command.getFirst() + ": " + e.getMessage(), e);
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TimeoutException(Path.of(command.getFirst()).getFileName() + " did not finish within "
                        + (timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s"));
            }
            // lenient decoding: tools echo file names and subtitle text in whatever bytes they had
            String stderr = new String(Files.readAllBytes(err), StandardCharsets.UTF_8);
            return new Result(process.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
                    stderr.length() > STDERR_KEEP ? stderr.substring(stderr.length() - STDERR_KEEP) : stderr);
        } finally {
            if (process != null && process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                // a killed process still holds its output files open until it is gone
                process.onExit().join();
            }
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
