package io.tradingedu.orchestrator.processvideo.frames;

import io.tradingedu.orchestrator.media.Checkpoint;
import io.tradingedu.orchestrator.validate.SafeInputs;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Stage 2, first half: picks the frames worth reading (scene changes, topped up with fixed-interval frames, see
 * {@link SamplingPlan}) and writes them as JPEGs. Cost is bounded: one scene pass over a scaled-down stream (keyframes
 * only on long videos), then one fast-seeking ffmpeg call per kept frame, at most {@code maxFramesPerVideo}.
 */
@Component
public class FrameSampler {

    static final String FRAME_GLOB = "frame-*.jpg";
    /** ffmpeg's JPEG quality scale runs 2 (best) to 31; 2 keeps small chart labels sharp enough for OCR. */
    private static final String JPEG_QUALITY = "2";

    private final FrameProperties properties;
    private final SceneDetector sceneDetector;

    public FrameSampler(FrameProperties properties) {
        this.properties = properties;
        this.sceneDetector = new SceneDetector(properties);
    }

    /**
     * Writes the chosen frames to {@code outputDir} as {@code frame-NNN.jpg} (earlier {@code frame-*.jpg} there are
     * replaced) and returns them in time order. On failure or cancellation no frame file is left behind.
     *
     * @param durationSeconds the video's duration, as stage 1 measured it
     * @throws IOException when ffmpeg is missing, fails on the video, times out, or no frame can be extracted
     */
    public List<SampledFrame> sample(Path video, double durationSeconds, Path outputDir, Checkpoint checkpoint)
            throws IOException, InterruptedException {
        if (!(durationSeconds > 0) || Double.isInfinite(durationSeconds)) {
            throw new IllegalArgumentException("the video's duration must be positive, was " + durationSeconds);
        }
        if (!Files.isRegularFile(video)) {
            throw new IOException("video not found: " + video);
        }
        Files.createDirectories(outputDir);
        deleteFrames(outputDir);
        Path workDir = Files.createTempDirectory("frame-sampler-");
        boolean complete = false;
        try {
            List<Double> changes = sceneDetector.changes(video, durationSeconds, workDir, checkpoint);
            List<SamplingPlan.Pick> picks = SamplingPlan.choose(changes, durationSeconds, properties);
            List<SampledFrame> frames = new ArrayList<>();
            String lastProblem = null;
            for (SamplingPlan.Pick pick : picks) {
                checkpoint.check();
                Path image = outputDir.resolve(String.format(Locale.ROOT, "frame-%03d.jpg", frames.size() + 1));
                String problem = extract(video, pick.time(), image, workDir, checkpoint);
                if (problem == null) {
                    int[] size = imageSize(image);
                    frames.add(new SampledFrame(pick.time(), image, size[0], size[1], pick.selection()));
                } else {
                    lastProblem = problem;
                    Files.deleteIfExists(image);
                }
            }
            if (frames.isEmpty()) {
                throw new IOException("no frame could be extracted from the video: " + lastProblem);
            }
            complete = true;
            return List.copyOf(frames);
        } finally {
            FileSystemUtils.deleteRecursively(workDir.toFile());
            if (!complete) {
                try {
                    deleteFrames(outputDir);
                } catch (IOException e) {
                    // the original failure matters more than a frame that could not be removed
                }
            }
        }
    }

    /** Seeks before opening the input (fast: from the nearest keyframe) and writes one scaled JPEG; null when done. */
    private String extract(Path video, double time, Path image, Path workDir, Checkpoint checkpoint)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(properties.ffmpegPath(), "-nostdin", "-hide_banner",
                "-loglevel", "error", "-y", "-ss", String.format(Locale.ROOT, "%.3f", time)));
        command.addAll(SafeInputs.input(video));
        command.addAll(List.of("-map", "0:v:0", "-frames:v", "1",
                "-vf", "scale='min(" + properties.jpegWidth() + ",iw)':-2", "-q:v", JPEG_QUALITY, image.toString()));
        Path log = workDir.resolve("frame.log");
        var outcome = ExternalProcess.run(command, Map.of(), workDir.resolve("frame.out"), log,
                properties.frameTimeout(), checkpoint);
        if (outcome.timedOut()) {
            return String.format(Locale.ROOT, "extracting the frame at %.1f s took longer than %d s", time,
                    properties.frameTimeout().toSeconds());
        }
        if (outcome.exitCode() != 0 || !Files.isRegularFile(image) || Files.size(image) == 0) {
            return String.format(Locale.ROOT, "no frame at %.1f s (ffmpeg exit %d%s)", time, outcome.exitCode(),
                    tailOrEmpty(log));
        }
        return null;
    }

    private static String tailOrEmpty(Path log) {
        String tail = ExternalProcess.tail(log, 1);
        return tail.isEmpty() ? "" : ": " + tail;
    }

    /** Width and height from the JPEG header, without decoding the picture. */
    static int[] imageSize(Path image) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException("ffmpeg wrote an unreadable image: " + image);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        }
    }

    private static void deleteFrames(Path dir) throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, FRAME_GLOB)) {
            for (Path file : old) {
                Files.deleteIfExists(file);
            }
        }
    }
}
