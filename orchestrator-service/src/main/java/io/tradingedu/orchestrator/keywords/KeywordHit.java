package io.tradingedu.orchestrator.keywords;

import java.util.UUID;

/**
 * One located mention of a trading term in a video.
 *
 * @param keyword     the term's canonical name, e.g. {@code stop loss}
 * @param category    the term's category id, e.g. {@code risk_management}
 * @param matchedText the words as they appeared ("stop-losses", "R S I", "Bollinger")
 * @param start       seconds into the video
 * @param end         seconds into the video, {@code >= start}
 * @param confidence  0..1: the source's confidence times the match quality
 * @param context     the sentence (or about 120 characters) around the mention
 * @param source      {@link #SUBTITLE}, {@link #TRANSCRIPT} or {@link #OCR}
 * @param frameId     the frame an OCR hit was read from; {@code null} for speech
 */
public record KeywordHit(String keyword, String category, String matchedText, double start, double end,
                         double confidence, String context, String source, UUID frameId) {

    /** Spoken words from subtitles (a subtitle stream or a sidecar file). */
    public static final String SUBTITLE = "subtitle";
    /** Spoken words from a speech recogniser. */
    public static final String TRANSCRIPT = "transcript";
    /** Text on screen, read from frames. */
    public static final String OCR = "ocr";
}
