package io.tradingedu.orchestrator.features;

import java.util.List;

/**
 * What stages 2–6 stored for one media item, as far as the features need it. A null component means that stage's
 * output is not available (the stage has not run for the item), which is not the same as an empty list (it ran and
 * found nothing): features of a missing input are null with a note, never 0.
 *
 * @param transcript       stage 2's transcript with its segments (null: stage 2 stored none)
 * @param frames           stage 2's frames (null together with the transcript)
 * @param hits             stage 3's keyword hits
 * @param clips            stage 4's clips
 * @param concepts         stage 5's concepts
 * @param topicSpread      stage 6's topic spread, from the command
 * @param topicSpreadNote  why the topic spread is null (ignored when it is not)
 */
record FeatureInputs(Transcript transcript, List<Frame> frames, List<Hit> hits, List<Clip> clips,
                     List<ConceptRow> concepts, Double topicSpread, String topicSpreadNote) {

    /**
     * @param durationSeconds the video's duration as stage 2 recorded it, null when unknown
     * @param meanConfidence  the mean of the segments' ASR confidences, null when the source gives none (subtitles)
     */
    record Transcript(String source, Double durationSeconds, int wordCount, Double meanConfidence,
                      List<Segment> segments) {

        Transcript {
            segments = List.copyOf(segments);
        }
    }

    record Segment(double start, double end, String text) {
    }

    record Frame(double timeSeconds, boolean tradingText) {
    }

    /** @param source {@code subtitle}, {@code transcript} or {@code ocr} */
    record Hit(String keyword, String category, double start, String source) {
    }

    record Clip(double durationSeconds) {
    }

    /**
     * @param assumedParameters an indicator whose lesson left parameters unstated (stage 5's {@code assumed})
     * @param role              a condition's {@code entry}, {@code exit} or {@code filter}, null when unsaid
     */
    record ConceptRow(String kind, String name, boolean assumedParameters, String role) {
    }
}
