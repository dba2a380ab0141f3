package io.tradingedu.orchestrator.clips;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Stage 4 settings. The defaults suit trading lessons: a term is usually introduced a few seconds before it is named
 * and explained for a while after, and one idea rarely needs more than about half a minute.
 *
 * @param paddingBefore  how much of the video before a hit a clip shows
 * @param paddingAfter   how much after a hit
 * @param mergeGap       windows closer than this are merged into one clip
 * @param minDuration    shorter windows are widened to this (within the video)
 * @param maxDuration    no clip is longer; merging starts a new clip instead of growing past it
 * @param maxClips       the best clips kept per video
 * @param minConfidence  hits below this confidence are ignored
 * @param cutMode        {@code reencode} (frame-accurate) or {@code copy} (fast, starts at a keyframe)
 * @param crf            x264 quality for re-encoding (lower is better and larger)
 * @param preset         x264 speed preset for re-encoding: {@code ultrafast} (default) cuts 720p several times faster
 *                       than real time on two cores, at a somewhat larger file for the same quality
 * @param thumbnailWidth width of the JPEG thumbnails; the height keeps the aspect ratio
 * @param ffmpegPath     the ffmpeg binary
 * @param ffprobePath    the ffprobe binary
 */
@ConfigurationProperties("clips")
public record ClipProperties(Duration paddingBefore, Duration paddingAfter, Duration mergeGap, Duration minDuration,
                             Duration maxDuration, Integer maxClips, Double minConfidence, CutMode cutMode,
                             Integer crf, String preset, Integer thumbnailWidth, String ffmpegPath,
                             String ffprobePath) {

    private static final List<String> PRESETS = List.of("ultrafast", "superfast", "veryfast",
            "faster", "fast", "medium", "slow", "slower", "veryslow");

    public enum CutMode {
        REENCODE, COPY;

        /** The name stored with each clip. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ClipProperties {
        paddingBefore = orDefault(paddingBefore, Duration.ofSeconds(5));
        paddingAfter = orDefault(paddingAfter, Duration.ofSeconds(8));
        mergeGap = orDefault(mergeGap, Duration.ofSeconds(4));
        minDuration = orDefault(minDuration, Duration.ofSeconds(8));
        maxDuration = orDefault(maxDuration, Duration.ofSeconds(40));
        maxClips = maxClips == null ? 12 : maxClips;
        minConfidence = minConfidence == null ? 0.5 : minConfidence;
        cutMode = cutMode == null ? CutMode.REENCODE : cutMode;
        crf = crf == null ? 23 : crf;
        preset = preset == null || preset.isBlank() ? "ultrafast" : preset.strip().toLowerCase(Locale.ROOT);
        thumbnailWidth = thumbnailWidth == null ? 320 : thumbnailWidth;
        ffmpegPath = ffmpegPath == null || ffmpegPath.isBlank() ? "ffmpeg" : ffmpegPath;
        ffprobePath = ffprobePath == null || ffprobePath.isBlank() ? "ffprobe" : ffprobePath;
        if (paddingBefore.isNegative() || paddingAfter.isNegative() || mergeGap.isNegative()) {
            throw new IllegalArgumentException("clips: padding and merge gap must not be negative");
        }
        if (!maxDuration.isPositive() || minDuration.compareTo(maxDuration) > 0) {
            throw new IllegalArgumentException("clips: need 0 < min-duration <= max-duration, got "
                    + minDuration + " and " + maxDuration);
        }
        if (maxClips < 1) {
            throw new IllegalArgumentException("clips: max-clips must be at least 1, got " + maxClips);
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("clips: min-confidence must be within 0..1, got " + minConfidence);
        }
        if (crf < 0 || crf > 51) {
            throw new IllegalArgumentException("clips: crf must be within 0..51, got " + crf);
        }
        if (!PRESETS.contains(preset)) {
            throw new IllegalArgumentException("clips: preset must be one of " + PRESETS + ", got " + preset);
        }
        if (thumbnailWidth < 16) {
            throw new IllegalArgumentException("clips: thumbnail-width must be at least 16, got " + thumbnailWidth);
        }
    }

    /** Every setting at its default. */
    public static ClipProperties defaults() {
        return new ClipProperties(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    double paddingBeforeSeconds() {
        return seconds(paddingBefore);
    }

    double paddingAfterSeconds() {
        return seconds(paddingAfter);
    }

    double mergeGapSeconds() {
        return seconds(mergeGap);
    }

    double minSeconds() {
        return seconds(minDuration);
    }

    double maxSeconds() {
        return seconds(maxDuration);
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null ? fallback : value;
    }
}
