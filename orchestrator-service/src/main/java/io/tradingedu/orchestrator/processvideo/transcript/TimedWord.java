package io.tradingedu.orchestrator.processvideo.transcript;

/**
 * One recognised word with its time in the video.
 *
 * @param confidence 0..1 as the recogniser reported it, or {@code null} when the source has none (subtitles)
 */
public record TimedWord(String text, double start, double end, Double confidence) {
}
