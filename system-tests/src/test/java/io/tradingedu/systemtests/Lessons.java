package io.tradingedu.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Short generated lessons (as deploy/local/lib/demo.sh makes the demo's): slides that teach an RSI rule, silent
 * audio and the narration as an English subtitle track, so stage 2 takes the transcript from the subtitles and
 * stages 3-10 find keywords, clips, concepts and a strategy. Each lesson carries its own label on screen, so every
 * one has new content (api-service answers an already ingested content with the existing item).
 */
final class Lessons {

    private static final String[][] SLIDES = {
            {"Lesson: RSI mean reversion", "Buy AAPL when RSI(14) drops below 30",
                    "In this lesson we trade the relative strength index. We buy Apple when the fourteen day RSI "
                            + "drops below 30."},
            {"Entry: RSI(14) < 30 and price above SMA(200)", "Stop loss 2 percent below entry",
                    "Only enter when the price is above the 200 day moving average. Put the stop loss two percent "
                            + "below the entry."},
            {"Exit: RSI(14) crosses above 70", "Take profit at 2R, at most 20 bars",
                    "Exit when the RSI crosses above 70, or take profit at two times the risk. Never hold more "
                            + "than 20 bars."},
    };

    private final Path ingestRoot;
    /** Lessons being made in the background, by {@link #key}. */
    private final Map<String, CompletableFuture<String>> prepared = new ConcurrentHashMap<>();

    Lessons(Path ingestRoot) {
        this.ingestRoot = ingestRoot;
    }

    /**
     * Starts making lessons (label, seconds per slide) one after the other on a background thread, in the given
     * order, so the scenarios find them made (e.g. while the services start) instead of waiting for ffmpeg.
     */
    void prepareInBackground(List<Map.Entry<String, Integer>> lessons) {
        List<Runnable> steps = new ArrayList<>();
        for (Map.Entry<String, Integer> lesson : lessons) {
            CompletableFuture<String> made = new CompletableFuture<>();
            if (prepared.putIfAbsent(key(lesson.getKey(), lesson.getValue()), made) == null) {
                steps.add(() -> {
                    try {
                        made.complete(generate(lesson.getKey(), lesson.getValue()));
                    } catch (RuntimeException e) {
                        made.completeExceptionally(e);
                    }
                });
            }
        }
        Thread.ofVirtual().name("lessons").start(() -> steps.forEach(Runnable::run));
    }

    /**
     * Writes {@code lessons/<label>.mp4} under the ingest root and answers its path relative to that root (what
     * {@code POST /ingest} takes). {@code slideSeconds} sets the length: longer slides make stage 2 run longer.
     * A lesson prepared in the background is waited for.
     */
    String make(String label, int slideSeconds) {
        CompletableFuture<String> made = prepared.get(key(label, slideSeconds));
        return made != null ? SystemSuite.join(made) : generate(label, slideSeconds);
    }

    private static String key(String label, int slideSeconds) {
        return label + "@" + slideSeconds;
    }

    private String generate(String label, int slideSeconds) {
        Path dir = ingestRoot.resolve("lessons");
        Path work = dir.resolve(label + ".parts");
        Path video = dir.resolve(label + ".mp4");
        try {
            Files.createDirectories(work);
            StringBuilder srt = new StringBuilder();
            List<String> filters = new ArrayList<>();
            String font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
            for (int i = 0; i < SLIDES.length; i++) {
                int from = i * slideSeconds;
                int to = from + slideSeconds;
                Path title = Files.writeString(work.resolve("t" + i + ".txt"), SLIDES[i][0]);
                Path line = Files.writeString(work.resolve("l" + i + ".txt"), SLIDES[i][1]);
                String enable = ":enable='between(t," + from + "," + to + ")'";
                filters.add("drawtext=fontfile=" + font + ":textfile=" + title
                        + ":fontcolor=white:fontsize=44:x=(w-text_w)/2:y=260" + enable);
                filters.add("drawtext=fontfile=" + font + ":textfile=" + line
                        + ":fontcolor=0xffd166:fontsize=36:x=(w-text_w)/2:y=380" + enable);
                srt.append(i + 1).append('\n').append(srtTime(from)).append(" --> ").append(srtTime(to)).append('\n')
                        .append(SLIDES[i][2]).append("\n\n");
            }
            Path label_ = Files.writeString(work.resolve("label.txt"), "system test " + label);
            filters.add("drawtext=fontfile=" + font + ":textfile=" + label_
                    + ":fontcolor=0x7f8fa6:fontsize=18:x=20:y=h-40");
            Path subtitles = Files.writeString(work.resolve("lesson.srt"), srt.toString());
            int total = slideSeconds * SLIDES.length;
            Commands.run(Duration.ofMinutes(2), "ffmpeg", "-nostdin", "-v", "error", "-y",
                    "-f", "lavfi", "-i", "color=c=0x10243f:s=1280x720:r=10:d=" + total,
                    "-f", "lavfi", "-i", "anullsrc=r=44100:cl=mono",
                    "-i", subtitles.toString(),
                    "-map", "0:v", "-map", "1:a", "-map", "2:s", "-t", Integer.toString(total),
                    "-vf", String.join(",", filters),
                    "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac",
                    "-c:s", "mov_text", "-metadata:s:s:0", "language=eng", "-movflags", "+faststart",
                    video.toString());
            return ingestRoot.relativize(video).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String srtTime(int seconds) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d,000", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
