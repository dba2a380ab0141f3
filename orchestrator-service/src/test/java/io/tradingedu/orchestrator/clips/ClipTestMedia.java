package io.tradingedu.orchestrator.clips;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Generates the cutter's test videos with ffmpeg and inspects its output with ffprobe; nothing binary is committed. */
final class ClipTestMedia {

    private ClipTestMedia() {
    }

    /** 60 s of testsrc (320x240, 25 fps, a keyframe every 2 s) with a 440 Hz tone, H.264/AAC. */
    static Path lesson(Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("lesson.mp4");
        run("ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100", "-t", "60", "-map", "0:v", "-map", "1:a",
                "-c:v", "libx264", "-preset", "veryfast", "-g", "50", "-keyint_min", "50", "-sc_threshold", "0",
                "-pix_fmt", "yuv420p", "-c:a", "aac", out.toString());
        return out;
    }

    /** The same picture without an audio stream. */
    static Path silentLesson(Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("silent.mp4");
        run("ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                "-t", "60", "-c:v", "libx264", "-preset", "veryfast", "-g", "50", "-keyint_min", "50",
                "-sc_threshold", "0", "-pix_fmt", "yuv420p", out.toString());
        return out;
    }

    /** The first {@code percent} of the video remuxed to Matroska, as an interrupted download leaves it. */
    static Path truncatedCopy(Path video, Path target, int percent) throws IOException, InterruptedException {
        Path whole = target.resolveSibling("whole-" + target.getFileName() + ".mkv");
        run("ffmpeg", "-nostdin", "-y", "-v", "error", "-i", video.toString(), "-c", "copy", whole.toString());
        byte[] all = Files.readAllBytes(whole);
        Files.write(target, java.util.Arrays.copyOf(all, all.length * percent / 100));
        Files.delete(whole);
        return target;
    }

    /** Matroska with PCM audio: MP4 cannot hold PCM, so a stream copy into MP4 fails. */
    static Path pcmMatroska(Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("pcm.mkv");
        run("ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440", "-t", "12", "-map", "0:v", "-map", "1:a",
                "-c:v", "libx264", "-preset", "veryfast", "-g", "50", "-c:a", "pcm_s16le", out.toString());
        return out;
    }

    static double duration(Path file) throws IOException, InterruptedException {
        return Double.parseDouble(run("ffprobe", "-v", "error", "-show_entries", "format=duration",
                "-of", "default=noprint_wrappers=1:nokey=1", file.toString()).strip());
    }

    /** Stream descriptions as "type:codec[:WxH]", in file order. */
    static List<String> streams(Path file) throws IOException, InterruptedException {
        String csv = run("ffprobe", "-v", "error", "-show_entries", "stream=codec_type,codec_name,width,height",
                "-of", "csv=p=0", file.toString());
        List<String> streams = new ArrayList<>();
        for (String line : csv.strip().split("\n")) {
            String[] f = line.split(",");
            // csv order is codec_name, codec_type, width, height (fields in ffprobe's own order)
            streams.add(f[1] + ":" + f[0] + (f.length > 3 && !f[2].isEmpty() ? ":" + f[2] + "x" + f[3] : ""));
        }
        return streams;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("failed: " + String.join(" ", command));
        }
        return out;
    }
}
