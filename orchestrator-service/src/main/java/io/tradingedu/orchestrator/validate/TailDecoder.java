package io.tradingedu.orchestrator.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.FileSystemUtils;

/**
 * Decodes the last seconds of the first video stream. A file whose header survived but whose data was cut off
 * probes fine and fails here. ffmpeg-cli-wrapper 0.8 neither exposes stderr nor the progress counters, so this one
 * ffmpeg call runs through {@link ProcessBuilder}, with the {@link SafeInputs} options, a bounded decode and a timeout.
 */
class TailDecoder {

    private static final Pattern FRAME = Pattern.compile("^frame=(\\d+)$", Pattern.MULTILINE);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final String ffmpeg;

    TailDecoder(String ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /** Problems found while decoding the tail; {@code null} when the tail decodes cleanly. */
    String problemNearEnd(Path file, double durationSeconds, Duration tail) throws IOException, InterruptedException {
        double start = Math.max(0, durationSeconds - tail.toMillis() / 1000.0);
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-nostdin", "-v", "error",
                "-ss", String.format(Locale.ROOT, "%.3f", start)));
        command.addAll(SafeInputs.INPUT_OPTIONS);
        // -t bounds the decode even when the header's duration understates the data
        command.addAll(List.of("-t", String.format(Locale.ROOT, "%.3f", tail.toMillis() / 1000.0 + 1),
                "-i", file.toString(), "-map", "0:v:0", "-f", "null", "-progress", "pipe:1", "-"));
        // both outputs go to files: nothing can block on a full pipe, and the wait below really is bounded
        Path outputs = Files.createTempDirectory("tail-decode-");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(outputs.resolve("progress").toFile())
                    .redirectError(outputs.resolve("errors").toFile()).start();
            try {
                if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    return "decoding the end of the file took longer than " + TIMEOUT.toMinutes() + " minutes";
                }
            } finally {
                if (process.isAlive()) {
                    process.destroyForcibly();
                }
            }
            String progress = Files.readString(outputs.resolve("progress"), StandardCharsets.UTF_8);
            String errors = new String(readAtMost(outputs.resolve("errors"), 64 * 1024), StandardCharsets.UTF_8);
            int frames = lastFrameCount(progress);
            if (errors.contains("partial file")) {
                return "data ends before the video does";
            }
            if (process.exitValue() != 0 || frames == 0) {
                return "no frame could be decoded in the last " + tail.toSeconds() + " s"
                        + (errors.isBlank() ? "" : " (" + firstLine(errors).replace(file.toString(), "the file") + ")");
            }
            return null;
        } finally {
            FileSystemUtils.deleteRecursively(outputs);
        }
    }

    private static byte[] readAtMost(Path file, int bytes) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(bytes);
        }
    }

    private static int lastFrameCount(String progress) {
        Matcher m = FRAME.matcher(progress);
        int frames = 0;
        while (m.find()) {
            frames = Integer.parseInt(m.group(1));
        }
        return frames;
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.replaceFirst("^\\[[^]]*] ", "");
    }
}
