package io.tradingedu.orchestrator.features;

import io.tradingedu.orchestrator.features.FeatureInputs.Clip;
import io.tradingedu.orchestrator.features.FeatureInputs.Frame;
import java.util.List;

/** What is on screen (stage 2's frames), the highlight clips (stage 4) and the topic spread (stage 6). */
final class MediaFeatures {

    static final String NO_CLIPS = "no clips: stage 4 (generate-clips) has not run for this item";

    private MediaFeatures() {
    }

    static void add(FeatureInputs inputs, FeatureSet.Builder features) {
        List<Frame> frames = inputs.frames();
        if (frames == null) {
            features.missing(FeatureCatalogue.FRAMES, TranscriptFeatures.NO_TRANSCRIPT);
        } else {
            features.put("frames", frames.size())
                    .ratio("trading_text_frame_share", frames.stream().filter(Frame::tradingText).count(),
                            frames.size(), "no frames were sampled");
        }
        List<Clip> clips = inputs.clips();
        if (clips == null) {
            features.missing(FeatureCatalogue.CLIPS, NO_CLIPS);
        } else {
            double seconds = clips.stream().mapToDouble(Clip::durationSeconds).sum();
            features.put("clips", clips.size()).put("clip_seconds", seconds);
            Double minutes = TranscriptFeatures.durationMinutes(inputs.transcript());
            if (minutes == null) {
                features.unknown("clip_coverage", "the video's duration is unknown");
            } else {
                features.put("clip_coverage", Math.min(1, seconds / (minutes * 60)));
            }
        }
        if (inputs.topicSpread() == null) {
            features.unknown("topic_spread", inputs.topicSpreadNote());
        } else {
            features.put("topic_spread", inputs.topicSpread());
        }
    }
}
