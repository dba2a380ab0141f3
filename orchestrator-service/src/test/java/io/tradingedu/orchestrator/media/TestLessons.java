package io.tradingedu.orchestrator.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Generates trading lessons for the tests: slides with trading text (ffmpeg drawtext), narrated by Festival's
 * {@code cmu_us_slt_arctic_hts} voice, optionally with an English subtitle track whose cues are the narration.
 * Nothing binary is committed.
 */
public final class TestLessons {

    private static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /** One slide: what is written on it and what the teacher says while it shows. */
    public record Slide(String title, String line, String narration) {
    }

    /** A generated lesson and where each slide's narration starts and ends. */
    public record Lesson(Path video, List<Slide> slides, List<double[]> times) {
    }

    public static final List<Slide> RSI_LESSON = List.of(
            new Slide("Lesson 3: RSI mean reversion", "Buy AAPL when RSI(14) drops below 30",
                    "In this lesson we trade the relative strength index. We buy Apple when the fourteen day R S I "
                            + "drops below thirty."),
            new Slide("Entry: RSI(14) < 30 and price above SMA(200)", "Stop loss 2 percent below entry",
                    "Only enter when the price is above the two hundred day moving average. Put the stop loss two "
                            + "percent below the entry."),
            new Slide("Exit: RSI(14) crosses above 70", "Take profit at 2R, at most 20 bars",
                    "Exit when the R S I crosses above seventy, or take profit at two times the risk. Never hold "
                            + "more than twenty bars."));

    private TestLessons() {
    }

    public static Lesson generate(Path dir, String name, List<Slide> slides, boolean subtitleTrack)
            throws IOException, InterruptedException {
        Path work = Files.createDirectories(dir.resolve(name + "-parts"));
        List<String> concat = new ArrayList<>();
        List<double[]> times = new ArrayList<>();
        StringBuilder srt = new StringBuilder();
        double t = 0;
        for (int i = 0; i < slides.size(); i++) {
            Slide slide = slides.get(i);
            Path wav = work.resolve("n" + i + ".wav");
            narrate(slide.narration(), wav);
            double duration = duration(wav);
            Path title = Files.writeString(work.resolve("t" + i + ".txt"), slide.title());
            Path line = Files.writeString(work.resolve("l" + i + ".txt"), slide.line());
            Path part = work.resolve("p" + i + ".mp4");
            run("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=0x10243f:s=1280x720:r=25",
                    "-i", wav.toString(), "-vf", "drawtext=fontfile=" + FONT + ":textfile=" + title
                            + ":fontcolor=white:fontsize=44:x=(w-text_w)/2:y=260,drawtext=fontfile=" + FONT
                            + ":textfile=" + line + ":fontcolor=0xffd166:fontsize=36:x=(w-text_w)/2:y=380",
                    "-t", String.format(Locale.ROOT, "%.3f", duration), "-c:v", "libx264", "-preset", "veryfast",
                    "-pix_fmt", "yuv420p", "-c:a", "aac", "-ar", "44100", "-shortest", part.toString());
            concat.add("file '" + part + "'");
            double end = t + duration;
            times.add(new double[] {t, end});
            srt.append(i + 1).append('\n').append(srtTime(t)).append(" --> ").append(srtTime(end)).append('\n')
                    .append(slide.narration()).append("\n\n");
            t = end;
        }
        Path list = Files.write(work.resolve("parts.txt"), concat);
        Path out = dir.resolve(name + ".mp4");
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "concat",
                "-safe", "0", "-i", list.toString()));
        if (subtitleTrack) {
            Path srtFile = Files.writeString(work.resolve("lesson.srt"), srt);
            command.addAll(List.of("-i", srtFile.toString(), "-map", "0:v", "-map", "0:a", "-map", "1:s",
                    "-c:s", "mov_text", "-metadata:s:s:0", "language=eng"));
        }
        command.addAll(List.of("-c:v", "copy", "-c:a", "copy", "-movflags", "+faststart", out.toString()));
        run(command.toArray(String[]::new));
        return new Lesson(out, slides, times);
    }

    public static String srtTime(double seconds) {
        long ms = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d,%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60,
                ms % 1000);
    }

    private static void narrate(String text, Path wav) throws IOException, InterruptedException {
        Path input = Files.writeString(wav.resolveSibling(wav.getFileName() + ".txt"), text);
        run("text2wave", "-o", wav.toString(), "-eval", "(voice_cmu_us_slt_arctic_hts)", input.toString());
    }

    private static double duration(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of",
                "csv=p=0", file.toString()).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (p.waitFor() != 0) {
            throw new IOException("ffprobe failed on " + file);
        }
        return Double.parseDouble(out);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
