package io.tradingedu.orchestrator.processvideo.transcript;

import java.util.List;

/**
 * The transcript of one video and where it came from.
 *
 * @param source   {@code subtitle-stream}, {@code sidecar}, {@code whisper}, {@code pocketsphinx}, or {@code none}
 * @param language ISO code when known
 * @param notes    why better sources were not used, or why there is no transcript (no audio, silence, ...)
 */
public record Transcript(String source, String language, List<TranscriptSegment> segments, List<String> notes) {

    public Transcript {
        segments = segments == null ? List.of() : List.copyOf(segments);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public static Transcript none(List<String> notes) {
        return new Transcript("none", null, List.of(), notes);
    }

    /** Subtitles are exact text a person wrote; recognisers' transcripts are guesses with confidences. */
    public boolean fromSubtitles() {
        return source.equals("subtitle-stream") || source.equals("sidecar");
    }

    public int wordCount() {
        return segments.stream().mapToInt(s -> s.words().isEmpty()
                ? (s.text().isBlank() ? 0 : s.text().trim().split("\\s+").length) : s.words().size()).sum();
    }
}
