package io.tradingedu.orchestrator.processvideo.frames;

import io.tradingedu.orchestrator.media.Checkpoint;
import io.tradingedu.orchestrator.validate.SafeInputs;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the times of scene changes with ffmpeg's {@code select='gt(scene,T)'} and {@code showinfo}, whose log lines
 * carry each selected frame's {@code pts_time}. The score is computed on a 320 px wide copy: decoding is the cost, the
 * comparison on a small picture is nearly free. Long videos decode keyframes only.
 */
class SceneDetector {

    private static final Pattern PTS_TIME = Pattern.compile("Parsed_showinfo.*?\\bpts_time:\\s*(-?[0-9.]+)");

    private final FrameProperties properties;

    SceneDetector(FrameProperties properties) {
        this.properties = properties;
    }

    /** Times (seconds, ascending) where the picture changes; empty when nothing scores above the threshold. */
    List<Double> changes(Path video, double durationSeconds, Path workDir, Checkpoint checkpoint)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(properties.ffmpegPath(), "-nostdin", "-hide_banner", "-nostats",
                "-loglevel", "info"));
        if (durationSeconds > properties.keyframesOnlyAfter().toSeconds()) {
            command.addAll(List.of("-skip_frame", "nokey"));
        }
        command.addAll(SafeInputs.input(video));
        command.addAll(List.of("-map", "0:v:0", "-an", "-sn", "-dn",
                "-vf", String.format(Locale.ROOT, "scale='min(320,iw)':-2,select='gt(scene,%.4f)',showinfo",
                        properties.sceneThreshold()),
                "-f", "null", "-"));
        Path log = workDir.resolve("scenes.log");
        Duration timeout = properties.sceneTimeout().plusMillis(Math.round(durationSeconds * 250));
        var outcome = ExternalProcess.run(command, Map.of(), workDir.resolve("scenes.out"), log, timeout, checkpoint);
        if (outcome.timedOut()) {
            throw new IOException("scene detection took longer than " + timeout.toSeconds() + " s");
        }
        if (outcome.exitCode() != 0) {
            throw new IOException("scene detection failed (ffmpeg exit " + outcome.exitCode() + "): "
                    + ExternalProcess.tail(log, 2));
        }
        return parse(log);
    }

    static List<Double> parse(Path log) throws IOException {
        List<Double> times = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.ISO_8859_1)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                Matcher m = PTS_TIME.matcher(line);
                if (m.find()) {
                    double t = Double.parseDouble(m.group(1));
                    if (t >= 0) {
                        times.add(t);
                    }
                }
            }
        }
        return times.stream().sorted().toList();
    }
}
