package io.tradingedu.orchestrator.processvideo.transcript;

import java.util.List;

/**
 * A stretch of speech (a subtitle cue, a recogniser's utterance) with its times in seconds.
 *
 * @param rawText    the text as the source gave it, before trading-language normalisation; {@code null} when equal
 * @param confidence mean word confidence 0..1, or {@code null} when the source has none
 * @param words      per-word times when the source gives them, otherwise empty
 */
public record TranscriptSegment(double start, double end, String text, String rawText, Double confidence,
                                List<TimedWord> words) {

    public TranscriptSegment {
        words = words == null ? List.of() : List.copyOf(words);
    }
}
