package io.tradingedu.orchestrator.media;

import io.tradingedu.orchestrator.media.TestLessons.Slide;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * The benchmark's lesson: about ten minutes of 1280x720 25 fps slides on swing trading, narrated by Festival, once
 * with an English subtitle track and once without. Built like {@link TestLessons} (same font, voice and encoder
 * settings) but with a background colour per slide, because a real lesson's slides differ in more than their text
 * and the frame sampler's scene detection should see that. Generated once and kept under the work directory; a change
 * to the slides (their hash) regenerates it.
 */
final class BenchmarkLesson {

    private static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private static final String[] BACKGROUNDS = {"0x10243f", "0x3b1f2b", "0x1f3b2d", "0x2b2b2b", "0x40210f",
            "0x1d1d4f", "0x0f3d3d"};
    private static final long TOOL_TIMEOUT_MINUTES = 5;

    /** The two variants of the same lesson. */
    record Videos(Path withSubtitles, Path withoutSubtitles, int slides) {
    }

    private BenchmarkLesson() {
    }

    static Videos prepare(Path workDir) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(workDir.resolve("lesson"));
        Path withSubtitles = dir.resolve("lesson-subtitles.mp4");
        Path withoutSubtitles = dir.resolve("lesson-plain.mp4");
        Path stamp = dir.resolve("slides.sha256");
        String hash = hash(BenchmarkSlides.ALL);
        if (Files.isRegularFile(withSubtitles) && Files.isRegularFile(withoutSubtitles) && Files.isRegularFile(stamp)
                && Files.readString(stamp).equals(hash)) {
            return new Videos(withSubtitles, withoutSubtitles, BenchmarkSlides.ALL.size());
        }
        Files.deleteIfExists(stamp);
        generate(dir, BenchmarkSlides.ALL, withSubtitles);
        // the same audio and video without the subtitle stream, so the two runs differ only in the transcript source
        run("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", withSubtitles.toString(), "-map", "0:v", "-map", "0:a",
                "-c", "copy", "-movflags", "+faststart", withoutSubtitles.toString());
        Files.writeString(stamp, hash);
        return new Videos(withSubtitles, withoutSubtitles, BenchmarkSlides.ALL.size());
    }

    private static void generate(Path dir, List<Slide> slides, Path out) throws IOException, InterruptedException {
        Path parts = dir.resolve("parts");
        FileSystemUtils.deleteRecursively(parts);
        Files.createDirectories(parts);
        List<String> concat = new ArrayList<>();
        StringBuilder srt = new StringBuilder();
        double t = 0;
        for (int i = 0; i < slides.size(); i++) {
            Slide slide = slides.get(i);
            System.out.printf(Locale.ROOT, "generating slide %d / %d%n", i + 1, slides.size());
            Path text = Files.writeString(parts.resolve("n" + i + ".txt"), slide.narration());
            Path wav = parts.resolve("n" + i + ".wav");
            run("text2wave", "-o", wav.toString(), "-eval", "(voice_cmu_us_slt_arctic_hts)", text.toString());
            double duration = duration(wav);
            Path title = Files.writeString(parts.resolve("t" + i + ".txt"), slide.title());
            Path line = Files.writeString(parts.resolve("l" + i + ".txt"), slide.line());
            Path part = parts.resolve("p" + i + ".mp4");
            run("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
                    "color=c=" + BACKGROUNDS[i % BACKGROUNDS.length] + ":s=1280x720:r=25", "-i", wav.toString(),
                    "-vf", "drawtext=fontfile=" + FONT + ":textfile=" + title
                            + ":fontcolor=white:fontsize=44:x=(w-text_w)/2:y=260,drawtext=fontfile=" + FONT
                            + ":textfile=" + line + ":fontcolor=0xffd166:fontsize=36:x=(w-text_w)/2:y=380",
                    "-t", String.format(Locale.ROOT, "%.3f", duration), "-c:v", "libx264", "-preset", "veryfast",
                    "-pix_fmt", "yuv420p", "-c:a", "aac", "-ar", "44100", "-shortest", part.toString());
            concat.add("file '" + part + "'");
            double end = t + duration;
            srt.append(i + 1).append('\n').append(TestLessons.srtTime(t)).append(" --> ")
                    .append(TestLessons.srtTime(end)).append('\n').append(slide.narration()).append("\n\n");
            t = end;
        }
        Path list = Files.write(parts.resolve("parts.txt"), concat);
        Path srtFile = Files.writeString(parts.resolve("lesson.srt"), srt);
        run("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", list.toString(),
                "-i", srtFile.toString(), "-map", "0:v", "-map", "0:a", "-map", "1:s", "-c:s", "mov_text",
                "-metadata:s:s:0", "language=eng", "-c:v", "copy", "-c:a", "copy", "-movflags", "+faststart",
                out.toString());
        FileSystemUtils.deleteRecursively(parts);
    }

    private static double duration(Path file) throws IOException, InterruptedException {
        return Double.parseDouble(run("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                file.toString()).strip());
    }

    /** Runs a tool to completion (or kills it after the timeout) and returns what it printed. */
    static String run(String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("bench-tool-", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        try {
            if (!process.waitFor(TOOL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                throw new IOException(command[0] + " took longer than " + TOOL_TIMEOUT_MINUTES + " min");
            }
            String printed = Files.readString(output);
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + printed);
            }
            return printed;
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }

    private static String hash(List<Slide> slides) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Slide s : slides) {
                digest.update((s.title() + '\0' + s.line() + '\0' + s.narration() + '\n')
                        .getBytes(StandardCharsets.UTF_8));
            }
            digest.update(String.join(",", BACKGROUNDS).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
