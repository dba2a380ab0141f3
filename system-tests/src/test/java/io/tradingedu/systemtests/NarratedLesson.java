package io.tradingedu.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's lessons (deploy/local/lib/demo.sh, {@code make_sample_video} and {@code make_plain_video}), made the same
 * way: one slide per line (a title and a line on screen), each narrated by Festival's {@code text2wave} (the
 * {@code cmu_us_slt_arctic_hts} voice when installed), the narration also as an English subtitle track. Unlike
 * {@link Lessons} the audio is real speech, so what the tests see is what a newcomer's demo shows.
 *
 * @param name   the file name without {@code .mp4}
 * @param slides what each slide shows and says
 */
record NarratedLesson(String name, List<Slide> slides) {

    /** One slide: its title, the line under it, and what the voice says while it shows. */
    record Slide(String title, String line, String narration) {
    }

    /** Teaches one strategy: RSI(14) below 30 above the 200-day average, a 2 % stop, RSI above 70 or 2R to exit. */
    static final NarratedLesson RSI = new NarratedLesson("rsi-lesson", List.of(
            new Slide("Lesson 3: RSI mean reversion", "Buy AAPL when RSI(14) drops below 30",
                    "In this lesson we trade the relative strength index. We buy Apple when the fourteen day R S I "
                            + "drops below thirty."),
            new Slide("Entry: RSI(14) < 30 and price above SMA(200)", "Stop loss 2 percent below entry",
                    "Only enter when the price is above the two hundred day moving average. Put the stop loss two "
                            + "percent below the entry."),
            new Slide("Exit: RSI(14) crosses above 70", "Take profit at 2R, at most 20 bars",
                    "Exit when the R S I crosses above seventy, or take profit at two times the risk. Never hold "
                            + "more than twenty bars.")));

    /** History and habits, no rule to trade: its run must end with "no strategy". */
    static final NarratedLesson HABITS = new NarratedLesson("habits-lesson", List.of(
            new Slide("Lesson 1: Why markets exist", "Buyers and sellers meet",
                    "Today we talk about why markets exist at all. Buyers and sellers meet in one place and agree "
                            + "on a price."),
            new Slide("Keep a journal", "Write down what you learned",
                    "Good traders keep a journal. Write down what you learned every evening and read it again at "
                            + "the end of the month.")));

    private static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(2);

    /** Fails with what to install when a tool the lessons need is missing. */
    static void requireTools() {
        Commands.requireTool("text2wave", "festival festvox-us-slt-hts");
        Commands.requireTool("ffmpeg", "ffmpeg");
        Commands.requireTool("ffprobe", "ffmpeg");
    }

    /**
     * Writes {@code lessons/<name>.mp4} under the ingest root and answers its path relative to that root (what
     * {@code POST /ingest} takes).
     */
    String make(Path ingestRoot) {
        requireTools();
        Path dir = ingestRoot.resolve("lessons");
        Path work = dir.resolve(name + ".parts");
        Path video = dir.resolve(name + ".mp4");
        try {
            Files.createDirectories(work);
            List<String> parts = new ArrayList<>();
            StringBuilder srt = new StringBuilder();
            double start = 0;
            for (int i = 0; i < slides.size(); i++) {
                Slide slide = slides.get(i);
                Path speech = speak(slide.narration(), work, i);
                double seconds = durationSeconds(speech);
                parts.add("file '" + renderSlide(slide, speech, seconds, work, i) + "'");
                double end = start + seconds;
                srt.append(i + 1).append('\n').append(srtTime(start)).append(" --> ").append(srtTime(end))
                        .append('\n').append(slide.narration()).append("\n\n");
                start = end;
            }
            Path list = Files.write(work.resolve("parts.txt"), parts);
            Path subtitles = Files.writeString(work.resolve("lesson.srt"), srt.toString());
            Commands.run(STEP_TIMEOUT, "ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "concat", "-safe", "0",
                    "-i", list.toString(), "-i", subtitles.toString(), "-map", "0:v", "-map", "0:a", "-map", "1:s",
                    "-c:v", "copy", "-c:a", "copy", "-c:s", "mov_text", "-metadata:s:s:0", "language=eng",
                    "-movflags", "+faststart", video.toString());
            return ingestRoot.relativize(video).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The narration as a WAV file, in the demo's voice when it is installed, else Festival's default voice. */
    private static Path speak(String narration, Path work, int index) throws IOException {
        Path text = Files.writeString(work.resolve("n" + index + ".txt"), narration);
        Path wav = work.resolve("n" + index + ".wav");
        try {
            Commands.run(STEP_TIMEOUT, "text2wave", "-o", wav.toString(), "-eval", "(voice_cmu_us_slt_arctic_hts)",
                    text.toString());
        } catch (IllegalStateException noSuchVoice) {
            Commands.run(STEP_TIMEOUT, "text2wave", "-o", wav.toString(), text.toString());
        }
        return wav;
    }

    private static Path renderSlide(Slide slide, Path speech, double seconds, Path work, int index)
            throws IOException {
        Path title = Files.writeString(work.resolve("t" + index + ".txt"), slide.title());
        Path line = Files.writeString(work.resolve("l" + index + ".txt"), slide.line());
        Path part = work.resolve("p" + index + ".mp4");
        Commands.run(STEP_TIMEOUT, "ffmpeg", "-nostdin", "-v", "error", "-y",
                "-f", "lavfi", "-i", "color=c=0x10243f:s=1280x720:r=25", "-i", speech.toString(),
                "-vf", "drawtext=fontfile=" + FONT + ":textfile=" + title
                        + ":fontcolor=white:fontsize=44:x=(w-text_w)/2:y=260,drawtext=fontfile=" + FONT
                        + ":textfile=" + line + ":fontcolor=0xffd166:fontsize=36:x=(w-text_w)/2:y=380",
                "-t", String.format(Locale.ROOT, "%.3f", seconds), "-c:v", "libx264", "-preset", "veryfast",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-ar", "44100", "-shortest", part.toString());
        return part;
    }

    static double durationSeconds(Path media) {
        return Double.parseDouble(Commands.run(Duration.ofSeconds(30), "ffprobe", "-v", "error", "-show_entries",
                "format=duration", "-of", "csv=p=0", media.toString()).trim());
    }

    private static String srtTime(double seconds) {
        long millis = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d,%03d", millis / 3_600_000, millis / 60_000 % 60,
                millis / 1000 % 60, millis % 1000);
    }
}
