package io.tradingedu.orchestrator.features;

import io.tradingedu.orchestrator.features.FeatureInputs.Segment;
import io.tradingedu.orchestrator.features.FeatureInputs.Transcript;

/** Length, speech and ASR quality of the transcript (stage 2). */
final class TranscriptFeatures {

    static final String NO_TRANSCRIPT = "no transcript: stage 2 (process-video) has not stored one for this item";

    private TranscriptFeatures() {
    }

    static void add(FeatureInputs inputs, FeatureSet.Builder features) {
        Transcript transcript = inputs.transcript();
        if (transcript == null) {
            features.missing(FeatureCatalogue.TRANSCRIPT, NO_TRANSCRIPT);
            return;
        }
        double speechMinutes = speechSeconds(transcript) / 60;
        features.put("transcript_source", transcript.source())
                .put("transcript_words", transcript.wordCount())
                .put("transcript_segments", transcript.segments().size())
                .put("speech_minutes", speechMinutes);
        Double duration = durationMinutes(transcript);
        if (duration == null) {
            features.unknown("duration_minutes", "the video's duration is unknown (stage 1's probe gave none)")
                    .unknown("speech_share", "the video's duration is unknown");
        } else {
            features.put("duration_minutes", duration)
                    .ratio("speech_share", Math.min(speechMinutes, duration), duration, "the video has no length");
        }
        features.ratio("speaking_rate_wpm", transcript.wordCount(), speechMinutes, "no speech in the transcript");
        if (transcript.meanConfidence() == null) {
            features.unknown("mean_asr_confidence", "the transcript's source (" + transcript.source()
                    + ") gives no confidences");
        } else {
            features.put("mean_asr_confidence", transcript.meanConfidence());
        }
    }

    /** Minutes of the video, or null when unknown (or 0). */
    static Double durationMinutes(Transcript transcript) {
        Double seconds = transcript == null ? null : transcript.durationSeconds();
        return seconds == null || seconds <= 0 ? null : seconds / 60;
    }

    static double speechSeconds(Transcript transcript) {
        return transcript.segments().stream().mapToDouble(TranscriptFeatures::length).sum();
    }

    private static double length(Segment segment) {
        return Math.max(0, segment.end() - segment.start());
    }
}
