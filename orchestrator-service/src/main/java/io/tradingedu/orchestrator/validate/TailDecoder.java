package io.tradingedu.orchestrator.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the last seconds of the first video stream. A file whose header survived but whose data was cut off
 * probes fine and fails here. ffmpeg-cli-wrapper 0.8 neither exposes stderr nor the progress counters, so this one
 * ffmpeg call runs through {@link ProcessBuilder}.
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
        Process process = new ProcessBuilder(List.of(ffmpeg, "-nostdin", "-v", "error",
                "-ss", String.format(Locale.ROOT, "%.3f", start), "-i", file.toString(),
                "-map", "0:v:0", "-f", "null", "-progress", "pipe:1", "-"))
                .redirectErrorStream(false).start();
        var stderr = process.getErrorStream().readAllBytes();
        String progress = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return "decoding the end of the file took longer than " + TIMEOUT.toMinutes() + " minutes";
        }
        String errors = new String(stderr, StandardCharsets.UTF_8);
        int frames = lastFrameCount(progress);
        if (errors.contains("partial file")) {
            return "data ends before the video does";
        }
        if (process.exitValue() != 0 || frames == 0) {
            return "no frame could be decoded in the last " + tail.toSeconds() + " s"
                    + (errors.isBlank() ? "" : " (" + firstLine(errors) + ")");
        }
        return null;
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
