package io.tradingedu.orchestrator.clips;

import io.tradingedu.orchestrator.clips.ClipProperties.CutMode;
import io.tradingedu.orchestrator.media.Checkpoint;
import io.tradingedu.orchestrator.media.ProgressListener;
import io.tradingedu.orchestrator.validate.SafeInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stage 4, second half: cuts planned clips out of a video with ffmpeg, each with a JPEG thumbnail from its middle.
 *
 * <p>Re-encoding (the default) is frame-accurate: {@code -ss} before {@code -i} seeks fast and ffmpeg decodes from
 * the preceding keyframe, discarding frames up to the start. Stream copy is an order of magnitude faster but can only
 * start at a keyframe, so its clips run longer than planned; their real duration is measured. When a stream copy
 * fails (a codec the MP4 container cannot hold), the clip is re-encoded and reported as such.
 *
 * <p>A clip is written under a temporary name and moved into place only when it and its thumbnail are complete, so
 * a failure or cancellation never leaves a partial file under the final name.
 */
@Component
public class ClipCutter {

    private static final Logger log = LoggerFactory.getLogger(ClipCutter.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration THUMBNAIL_TIMEOUT = Duration.ofSeconds(60);

    private final ClipProperties properties;

    public ClipCutter(ClipProperties properties) {
        this.properties = properties;
    }

    /**
     * Cuts every clip of a plan into {@code directory} as {@code clip-01.mp4} + {@code clip-01.jpg}, … in plan order,
     * taking the checkpoint before each clip. A clip that cannot be cut is skipped with a note, so one bad stretch of
     * video costs one clip, not the stage; when no clip at all can be cut the last error is thrown. On cancellation
     * the files this call wrote are deleted.
     */
    public ClipBatch cutAll(Path video, List<PlannedClip> clips, Path directory, Checkpoint checkpoint,
                            ProgressListener progress) throws IOException, InterruptedException {
        List<ClipBatch.Cut> done = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        IOException last = null;
        boolean complete = false;
        try {
            for (int i = 0; i < clips.size(); i++) {
                checkpoint.check();
                PlannedClip clip = clips.get(i);
                String span = clock(clip.start()) + "-" + clock(clip.end());
                progress.progress(String.format(Locale.ROOT, "cutting clip %d of %d (%s)", i + 1, clips.size(), span));
                try {
                    done.add(new ClipBatch.Cut(clip, cut(video, clip.start(), clip.end(),
                            directory.resolve(String.format(Locale.ROOT, "clip-%02d.mp4", i + 1)))));
                } catch (IOException e) {
                    log.warn("clip {} ({}) of {} could not be cut: {}", i + 1, span, video, e.getMessage());
                    notes.add("clip " + (i + 1) + " (" + span + ") could not be cut: " + e.getMessage());
                    last = e;
                }
            }
            complete = true;
        } finally {
            if (!complete) {
                for (ClipBatch.Cut cut : done) {
                    deleteQuietly(cut.clip().file());
                    deleteQuietly(cut.clip().thumbnail());
                }
            }
        }
        if (done.isEmpty() && last != null) {
            throw last;
        }
        return new ClipBatch(done, notes);
    }

    /** Cuts {@code [start, end)} seconds of {@code video} to {@code target} in the configured mode. */
    public CutClip cut(Path video, double start, double end, Path target) throws IOException, InterruptedException {
        return cut(video, start, end, target, properties.cutMode());
    }

    CutClip cut(Path video, double start, double end, Path target, CutMode mode)
            throws IOException, InterruptedException {
        if (!(start >= 0) || !(end > start) || Double.isInfinite(end)) {
            throw new IllegalArgumentException("not a clip: " + start + "-" + end + " s");
        }
        if (!Files.isRegularFile(video)) {
            throw new IOException("cannot cut clips: video not found: " + video);
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String base = baseName(target);
        Path part = dir.resolve(base + ".part.mp4");
        Path thumbPart = dir.resolve(base + ".part.jpg");
        Path thumbnail = dir.resolve(base + ".jpg");
        try {
            CutMode used = encode(video, start, end - start, part, mode);
            double duration = measure(part);
            thumbnail(part, duration, thumbPart);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(thumbPart, thumbnail, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new CutClip(target, thumbnail, duration, Files.size(target), used.label());
        } finally {
            deleteQuietly(part);
            deleteQuietly(thumbPart);
        }
    }

    private CutMode encode(Path video, double start, double length, Path out, CutMode mode)
            throws IOException, InterruptedException {
        if (mode == CutMode.COPY) {
            try {
                MediaProcess.run(ffmpeg(video, start, length, out, List.of("-c", "copy",
                        "-avoid_negative_ts", "make_zero")), timeout(length, 30, 1));
                return CutMode.COPY;
            } catch (IOException e) {
                log.warn("stream copy of {} at {} s failed, re-encoding instead: {}", video, start, e.getMessage());
                Files.deleteIfExists(out);
            }
        }
        MediaProcess.run(ffmpeg(video, start, length, out, List.of(
                "-c:v", "libx264", "-preset", properties.preset(), "-crf", String.valueOf(properties.crf()),
                // yuv420p and even dimensions: what every browser's H.264 decoder accepts.
                "-pix_fmt", "yuv420p", "-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2",
                "-c:a", "aac", "-b:a", "128k")), timeout(length, 60, 5));
        return CutMode.REENCODE;
    }

    private List<String> ffmpeg(Path video, double start, double length, Path out, List<String> codecs) {
        List<String> command = new ArrayList<>(List.of(properties.ffmpegPath(), "-nostdin", "-y", "-v", "error",
                "-ss", seconds(start)));
        command.addAll(SafeInputs.input(video));
        command.addAll(List.of("-t", seconds(length), "-map", "0:v:0", "-map", "0:a:0?", "-map_chapters", "-1"));
        command.addAll(codecs);
        // moov atom first, so a browser can start playing and seeking before the whole clip has arrived.
        command.addAll(List.of("-movflags", "+faststart", "-f", "mp4", out.toString()));
        return command;
    }

    private double measure(Path clip) throws IOException, InterruptedException {
        String out = MediaProcess.run(List.of(properties.ffprobePath(), "-v", "error", "-show_entries",
                "format=duration", "-of", "default=noprint_wrappers=1:nokey=1", clip.toString()), PROBE_TIMEOUT);
        try {
            double duration = Double.parseDouble(out.strip());
            if (duration > 0) {
                return Math.round(duration * 1000) / 1000.0;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IOException("the cut clip has no readable duration (ffprobe said '" + out.strip() + "')");
    }

    private void thumbnail(Path clip, double duration, Path out) throws IOException, InterruptedException {
        for (double at : new double[] {duration / 2, 0}) {
            MediaProcess.run(List.of(properties.ffmpegPath(), "-nostdin", "-y", "-v", "error", "-ss", seconds(at),
                    "-i", clip.toString(), "-frames:v", "1",
                    // The height follows the display aspect ratio, so anamorphic video is not squeezed.
                    "-vf", "scale=" + properties.thumbnailWidth() + ":trunc(ow/dar/2)*2,setsar=1",
                    "-q:v", "4", "-f", "image2", "-update", "1", "-c:v", "mjpeg", out.toString()), THUMBNAIL_TIMEOUT);
            if (Files.isRegularFile(out) && Files.size(out) > 0) {
                return;
            }
        }
        throw new IOException("no frame could be decoded from the cut clip for its thumbnail");
    }

    /** Clip lengths are bounded (60 s by default), so their cost is too; scale the deadline with the length. */
    private static Duration timeout(double length, int baseSeconds, int secondsPerClipSecond) {
        return Duration.ofSeconds(baseSeconds + (long) Math.ceil(length * secondsPerClipSecond));
    }

    private static String baseName(Path target) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", file, e.getMessage());
        }
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    private static String clock(double s) {
        long total = (long) s;
        return String.format(Locale.ROOT, "%d:%02d", total / 60, total % 60);
    }
}
