package io.tradingedu.orchestrator.processvideo.frames;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Stage 2 (frames) settings. Numbers left at 0 and durations left unset take the defaults shown.
 *
 * @param ffmpegPath          the ffmpeg binary
 * @param sceneThreshold      ffmpeg scene score (0..1) above which a frame counts as a scene change; 0.15 by default,
 *                            because the film-cut value 0.3 misses colour changes between dark slides (measured 0.16-0.22)
 * @param minSpacing          no two kept frames closer than this (2 s)
 * @param maxFramesPerVideo   cap on frames per video; over it, the most spread-out are kept (60)
 * @param targetInterval      spacing of the fixed-interval top-up on longer videos (10 s); short videos use a sixth of
 *                            their length (but at least {@code minSpacing}), long ones stretch it to honour the cap
 * @param jpegWidth           frames wider than this are scaled down to it (1280)
 * @param keyframesOnlyAfter  longer videos are scene-analysed on keyframes only, about 7x cheaper (5 min); encoders
 *                            usually put a keyframe on a hard cut, other changes show at the next keyframe, and the
 *                            interval top-up covers what neither catches
 * @param sceneTimeout        the scene pass may take this plus a quarter of the video's duration (2 min)
 * @param frameTimeout        limit for extracting one frame (30 s)
 * @param ocrParallelism      tesseract processes at once (the number of available processors)
 * @param tesseractPath       the tesseract binary
 * @param ocrLanguage         tesseract language(s), e.g. {@code eng} or {@code eng+deu} (eng)
 * @param ocrPageSegMode      tesseract page segmentation mode (3, fully automatic: reads slides in order and chart
 *                            labels as separate lines; 11 "sparse text" also finds labels but invents words from candles)
 * @param ocrTimeout          limit for reading one frame (30 s)
 */
@ConfigurationProperties("frames")
public record FrameProperties(String ffmpegPath, double sceneThreshold, Duration minSpacing, int maxFramesPerVideo,
        Duration targetInterval, int jpegWidth, Duration keyframesOnlyAfter, Duration sceneTimeout,
        Duration frameTimeout, int ocrParallelism, String tesseractPath, String ocrLanguage, int ocrPageSegMode,
        Duration ocrTimeout) {

    public FrameProperties {
        ffmpegPath = ffmpegPath == null || ffmpegPath.isBlank() ? "ffmpeg" : ffmpegPath;
        sceneThreshold = sceneThreshold <= 0 ? 0.15 : sceneThreshold;
        minSpacing = positiveOr(minSpacing, Duration.ofSeconds(2));
        maxFramesPerVideo = maxFramesPerVideo <= 0 ? 60 : maxFramesPerVideo;
        targetInterval = positiveOr(targetInterval, Duration.ofSeconds(10));
        jpegWidth = jpegWidth <= 0 ? 1280 : jpegWidth;
        keyframesOnlyAfter = positiveOr(keyframesOnlyAfter, Duration.ofMinutes(5));
        sceneTimeout = positiveOr(sceneTimeout, Duration.ofMinutes(2));
        frameTimeout = positiveOr(frameTimeout, Duration.ofSeconds(30));
        ocrParallelism = ocrParallelism <= 0 ? Runtime.getRuntime().availableProcessors() : ocrParallelism;
        tesseractPath = tesseractPath == null || tesseractPath.isBlank() ? "tesseract" : tesseractPath;
        ocrLanguage = ocrLanguage == null || ocrLanguage.isBlank() ? "eng" : ocrLanguage;
        ocrPageSegMode = ocrPageSegMode <= 0 ? 3 : ocrPageSegMode;
        ocrTimeout = positiveOr(ocrTimeout, Duration.ofSeconds(30));
        if (sceneThreshold > 1) {
            throw new IllegalArgumentException("frames.scene-threshold must be between 0 and 1, was " + sceneThreshold);
        }
        if (ocrPageSegMode > 13) {
            throw new IllegalArgumentException("frames.ocr-page-seg-mode must be 1..13, was " + ocrPageSegMode);
        }
    }

    /** All defaults: what an empty {@code frames:} section gives. */
    public static FrameProperties defaults() {
        return new FrameProperties(null, 0, null, 0, null, 0, null, null, null, 0, null, null, 0, null);
    }

    double minSpacingSeconds() {
        return minSpacing.toMillis() / 1000.0;
    }

    double targetIntervalSeconds() {
        return targetInterval.toMillis() / 1000.0;
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }
}
