package io.tradingedu.api.transcript;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A media item's transcript as the API shows it.
 *
 * @param source    which source produced it: subtitle-stream, sidecar, whisper, pocketsphinx or none
 * @param truncated true when the transcript has more than {@link TranscriptReader#MAX_SEGMENTS} segments and only
 *                  the first ones are shown
 */
record Transcript(UUID mediaId, String source, String language, Double durationSeconds, int wordCount,
                  Double meanConfidence, String notes, Instant createdAt, boolean truncated, List<Segment> segments) {

    /** One stretch of speech; {@code words} is empty when the source gave no word timings. */
    record Segment(double start, double end, String text, Double confidence, List<Word> words) {
    }

    record Word(String word, double start, double end, Double confidence) {
    }
}
