package io.tradingedu.orchestrator.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generates the test inputs with ffmpeg: nothing binary is committed. */
public final class TestVideos {

    private TestVideos() {
    }

    /** A short H.264/AAC MP4 with an English mov_text subtitle track; moov atom first (faststart). */
    public static Path validMp4(Path dir) throws IOException, InterruptedException {
        Path srt = dir.resolve("captions.srt");
        Files.writeString(srt, "1\n00:00:00,000 --> 00:00:02,000\nRSI below 30 means oversold\n");
        Path out = dir.resolve("lesson.mp4");
        ffmpeg("-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
                "-i", srt.toString(), "-t", "4", "-map", "0:v", "-map", "1:a", "-map", "2:s",
                "-c:v", "libx264", "-preset", "veryfast", "-c:a", "aac", "-c:s", "mov_text",
                "-metadata:s:s:0", "language=eng", "-movflags", "+faststart", out.toString());
        return out;
    }

    /** A video without audio, moov atom at the end (ffmpeg's default). */
    public static Path silentMp4(Path dir, String name) throws IOException, InterruptedException {
        Path out = dir.resolve(name);
        ffmpeg("-f", "lavfi", "-i", "testsrc=size=160x120:rate=10", "-t", "3", "-c:v", "libx264", "-preset",
                "veryfast", out.toString());
        return out;
    }

    /** A video whose audio track holds only silence, on a plain slate without text. */
    public static Path silentAudioMp4(Path dir, String name) throws IOException, InterruptedException {
        Path out = dir.resolve(name);
        ffmpeg("-f", "lavfi", "-i", "color=c=gray:s=320x240:rate=25", "-f", "lavfi", "-i",
                "anullsrc=channel_layout=stereo:sample_rate=44100", "-t", "4", "-c:v", "libx264", "-preset",
                "veryfast", "-c:a", "aac", out.toString());
        return out;
    }

    public static Path audioOnly(Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("talk.mp4");
        ffmpeg("-f", "lavfi", "-i", "sine=frequency=300", "-t", "2", "-c:a", "aac", out.toString());
        return out;
    }

    public static Path randomBytes(Path dir, String name) throws IOException {
        byte[] bytes = new byte[64 * 1024];
        new Random(42).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    /** The first {@code percent} of a file, as an interrupted copy leaves it. */
    public static Path truncated(Path source, Path target, int percent) throws IOException {
        byte[] all = Files.readAllBytes(source);
        byte[] part = new byte[all.length * percent / 100];
        System.arraycopy(all, 0, part, 0, part.length);
        return Files.write(target, part);
    }

    private static void ffmpeg(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-y", "-v", "error"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException("ffmpeg failed: " + command);
        }
    }
}
