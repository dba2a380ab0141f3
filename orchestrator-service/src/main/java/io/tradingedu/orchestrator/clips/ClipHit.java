package io.tradingedu.orchestrator.clips;

import java.util.Objects;

/**
 * One keyword hit the clip planner works from (stage 3's output, read back by the worker).
 *
 * @param keyword    the lexicon term, e.g. "RSI"
 * @param category   the lexicon category, e.g. "indicator"
 * @param start      seconds into the video
 * @param end        seconds into the video; a value before {@code start} is taken as {@code start}
 * @param confidence 0..1 as stage 3 reported it (clamped)
 * @param importance 0..1 weight of the lexicon term (clamped; {@link #DEFAULT_IMPORTANCE} when unknown)
 */
public record ClipHit(String keyword, String category, double start, double end, double confidence,
                      double importance) {

    public static final double DEFAULT_IMPORTANCE = 0.5;

    public ClipHit {
        Objects.requireNonNull(keyword, "keyword");
        category = category == null ? "" : category;
        if (!Double.isFinite(start) || !Double.isFinite(end)) {
            throw new IllegalArgumentException("hit '" + keyword + "' has no finite time: " + start + "-" + end);
        }
        end = Math.max(start, end);
        confidence = Double.isNaN(confidence) ? 0 : Math.clamp(confidence, 0.0, 1.0);
        importance = Double.isNaN(importance) ? DEFAULT_IMPORTANCE : Math.clamp(importance, 0.0, 1.0);
    }

    /** A hit whose term has no importance of its own. */
    public static ClipHit of(String keyword, String category, double start, double end, double confidence) {
        return new ClipHit(keyword, category, start, end, confidence, DEFAULT_IMPORTANCE);
    }

    double weight() {
        return confidence * importance;
    }
}
