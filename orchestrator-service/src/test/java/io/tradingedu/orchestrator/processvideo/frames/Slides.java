package io.tradingedu.orchestrator.processvideo.frames;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Generates slide videos and slide images with ffmpeg (lavfi colour + drawtext): nothing binary is committed. */
final class Slides {

    static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /** One slide: a background, a text colour, and text (may be empty for a blank slide). */
    record Slide(String background, String textColour, String text, double seconds) {
    }

    private Slides() {
    }

    static Path video(Path file, int width, int height, int fps, List<Slide> slides)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-y", "-v", "error"));
        StringBuilder concat = new StringBuilder();
        for (int i = 0; i < slides.size(); i++) {
            command.addAll(List.of("-f", "lavfi", "-i", source(slides.get(i), width, height, fps)));
            concat.append('[').append(i).append(']');
        }
        command.addAll(List.of("-filter_complex", concat + "concat=n=" + slides.size() + ":v=1:a=0",
                "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", file.toString()));
        run(command);
        return file;
    }

    /** A single slide as a JPEG, as the sampler writes them. */
    static Path image(Path file, int width, int height, Slide slide) throws IOException, InterruptedException {
        run(List.of("ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", source(slide, width, height, 1),
                "-frames:v", "1", "-q:v", "2", file.toString()));
        return file;
    }

    private static String source(Slide slide, int width, int height, int fps) {
        String colour = String.format(Locale.ROOT, "color=c=%s:s=%dx%d:r=%d:d=%.2f", slide.background(), width, height,
                fps, slide.seconds());
        if (slide.text().isEmpty()) {
            return colour;
        }
        String text = slide.text();
        if (text.matches(".*['\\\\:%].*")) {
            // these would need filtergraph and drawtext escaping; the tests do not need them
            throw new IllegalArgumentException("slide text must not contain ' \\ : or %: " + text);
        }
        return colour + ",drawtext=fontfile=" + FONT + ":text='" + text + "':fontcolor=" + slide.textColour()
                + ":fontsize=" + Math.max(16, height / 12) + ":x=(w-tw)/2:y=(h-th)/2";
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("ffmpeg took too long: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IOException("ffmpeg failed: " + command);
        }
    }
}
