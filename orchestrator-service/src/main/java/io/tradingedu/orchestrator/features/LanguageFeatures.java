package io.tradingedu.orchestrator.features;

import io.tradingedu.orchestrator.features.FeatureInputs.Segment;
import java.util.List;

/** How the lesson talks: bullish against bearish language, and teaching cues (stage 2's transcript text). */
final class LanguageFeatures {

    private LanguageFeatures() {
    }

    static void add(FeatureInputs inputs, FeatureSet.Builder features) {
        if (inputs.transcript() == null) {
            features.missing(FeatureCatalogue.LANGUAGE, TranscriptFeatures.NO_TRANSCRIPT);
            return;
        }
        List<String> units = inputs.transcript().segments().stream().map(Segment::text).toList();
        String text = String.join("\n", units);
        int bullish = CuePhrases.BULLISH.count(text);
        int bearish = CuePhrases.BEARISH.count(text);
        int explanations = CuePhrases.EXPLANATIONS.count(text);
        int examples = CuePhrases.EXAMPLES.count(text);
        int steps = CuePhrases.STEPS.count(text);
        int questions = CuePhrases.questions(units);
        double speechMinutes = TranscriptFeatures.speechSeconds(inputs.transcript()) / 60;
        features.put("bullish_terms", bullish)
                .put("bearish_terms", bearish)
                .ratio("sentiment_balance", bullish - bearish, bullish + bearish,
                        "neither bullish nor bearish language")
                .put("cue_explanations", explanations)
                .put("cue_examples", examples)
                .put("cue_steps", steps)
                .put("cue_questions", questions)
                .ratio("teaching_cues_per_minute", explanations + examples + steps + questions, speechMinutes,
                        "no speech in the transcript");
    }
}
