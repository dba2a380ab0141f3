package io.tradingedu.orchestrator.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.tradingedu.orchestrator.features.FeatureInputs.ConceptRow;
import io.tradingedu.orchestrator.features.FeatureInputs.Transcript;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every feature of {@link LessonInputs}, computed by hand; then what happens when inputs are missing or empty. */
class FeatureCalculatorTest {

    private final Map<String, Object> all = FeatureCalculator.compute(LessonInputs.ALL).values();

    @Test
    void everyFeatureOfTheVersionIsThereInCatalogueOrder() {
        FeatureSet set = FeatureCalculator.compute(LessonInputs.ALL);

        assertThat(set.version()).isEqualTo("features-v1");
        assertThat(set.values().keySet()).containsExactlyElementsOf(FeatureCatalogue.NAMES);
        assertThat(FeatureCatalogue.NAMES).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates();
        assertThat(set.values().values()).doesNotContainNull();
        assertThat(set.notes()).isEmpty();
    }

    @Test
    void transcriptLengthSpeechAndConfidence() {
        // speech: 5 segments of 30 s = 150 s = 2.5 min of a 10-minute video; 60 words / 2.5 min
        assertThat(all).contains(entry("transcript_source", "pocketsphinx"), entry("transcript_words", 60),
                entry("transcript_segments", 5), entry("duration_minutes", 10.0), entry("speech_minutes", 2.5),
                entry("speech_share", 0.25), entry("speaking_rate_wpm", 24.0), entry("mean_asr_confidence", 0.8));
    }

    @Test
    void keywordCountsDiversityEntropyDensityAndMentions() {
        // 6 hits of 4 terms: RSI 3, uptrend 1, stop loss 1, downtrend 1
        // entropy = -(1/2 log2 1/2 + 3 × 1/6 log2 1/6) = 0.5 + 0.5 log2 6 = 1.792481
        assertThat(all).contains(entry("keyword_hits", 6), entry("keyword_terms", 4),
                entry("keyword_diversity", 0.666667), entry("keyword_entropy_bits", 1.792481),
                entry("keyword_density_per_minute", 0.6), entry("first_mention_seconds", 5.0),
                entry("last_mention_seconds", 130.0), entry("keyword_ocr_share", 0.166667));
        assertThat(all).contains(entry("keywords_technical_indicator", 3), entry("keywords_market_condition", 2),
                entry("keywords_risk_management", 1), entry("keywords_price_action", 0),
                entry("keywords_order_type", 0), entry("keywords_strategy_type", 0), entry("keywords_timeframe", 0),
                entry("keywords_chart_pattern", 0), entry("keywords_candlestick", 0));
    }

    @Test
    void conceptCountsRulesAndHints() {
        assertThat(all).contains(entry("concepts_indicator", 3), entry("concepts_condition", 3),
                entry("concepts_risk_rule", 2), entry("concepts_chart_pattern", 0), entry("concepts_candlestick", 1),
                entry("concepts_timeframe", 3), entry("concepts_direction", 1), entry("concepts_instrument", 2));
        // RSI twice (once with an assumed period) and SMA: 2 distinct, 2 of 3 with every parameter stated
        assertThat(all).contains(entry("indicators_distinct", 2), entry("indicators_explicit_share", 0.666667),
                entry("entry_conditions", 1), entry("exit_conditions", 1), entry("has_stop_rule", true),
                entry("has_target_rule", false), entry("has_sizing_rule", true), entry("direction_hint", "long"),
                entry("timeframe_hint", "4h"), entry("instrument_hint", "AAPL"));
    }

    @Test
    void bullishBearishLanguageAndTeachingCues() {
        // bullish: uptrend, buyers; bearish: bearish, downtrend, lower lows; balance (2 - 3) / 5
        // explanations: because, which means; examples: for example; steps: step (one);
        // questions: "What is a stop loss?" and "how do you size the position" (no question mark, opens with how)
        // cues per minute: 6 / 2.5
        assertThat(all).contains(entry("bullish_terms", 2), entry("bearish_terms", 3),
                entry("sentiment_balance", -0.2), entry("cue_explanations", 2), entry("cue_examples", 1),
                entry("cue_steps", 1), entry("cue_questions", 2), entry("teaching_cues_per_minute", 2.4));
    }

    @Test
    void framesClipsAndTopicSpread() {
        // 1 of 4 frames with trading text; clips of 20 s and 10 s = 30 s of 600 s
        assertThat(all).contains(entry("frames", 4), entry("trading_text_frame_share", 0.25), entry("clips", 2),
                entry("clip_seconds", 30.0), entry("clip_coverage", 0.05), entry("topic_spread", 0.23));
    }

    @Test
    void missingInputsGiveNullWithANoteNotZero() {
        FeatureSet set = FeatureCalculator.compute(LessonInputs.NOTHING);

        assertThat(set.values().keySet()).containsExactlyElementsOf(FeatureCatalogue.NAMES);
        assertThat(set.values().values()).containsOnlyNulls();
        assertThat(set.notes()).anyMatch(n -> n.startsWith("no transcript: stage 2 (process-video)")
                        && n.contains("transcript_words") && n.contains("bullish_terms") && n.contains("frames"))
                .anyMatch(n -> n.startsWith("no keyword hits: stage 3") && n.contains("keyword_hits"))
                .anyMatch(n -> n.startsWith("no clips: stage 4") && n.contains("clip_seconds"))
                .anyMatch(n -> n.startsWith("no concepts: stage 5") && n.contains("has_stop_rule"))
                .contains("topic_spread: stage 6 (embeddings) has not run in this run");
    }

    @Test
    void stagesThatRanAndFoundNothingGiveZerosFalseAndNullOnlyWhereUndefined() {
        Transcript silent = new Transcript("none", 120.0, 0, null, List.of());
        FeatureSet set = FeatureCalculator.compute(new FeatureInputs(silent, List.of(), List.of(), List.of(),
                List.of(), null, "stage 6 (embeddings) reported no topic spread"));
        Map<String, Object> v = set.values();

        assertThat(v).contains(entry("transcript_words", 0), entry("speech_minutes", 0.0), entry("keyword_hits", 0),
                entry("keywords_candlestick", 0), entry("keyword_density_per_minute", 0.0),
                entry("concepts_indicator", 0), entry("has_stop_rule", false), entry("bullish_terms", 0),
                entry("cue_questions", 0), entry("frames", 0), entry("clips", 0), entry("clip_coverage", 0.0));
        assertThat(v).containsEntry("speaking_rate_wpm", null).containsEntry("keyword_diversity", null)
                .containsEntry("first_mention_seconds", null).containsEntry("indicators_explicit_share", null)
                .containsEntry("direction_hint", null).containsEntry("sentiment_balance", null)
                .containsEntry("trading_text_frame_share", null).containsEntry("mean_asr_confidence", null);
        assertThat(set.notes()).contains("speaking_rate_wpm: no speech in the transcript",
                "keyword_diversity: no keyword hits", "direction_hint: the lesson states no direction",
                "trading_text_frame_share: no frames were sampled",
                "mean_asr_confidence: the transcript's source (none) gives no confidences",
                "topic_spread: stage 6 (embeddings) reported no topic spread");
    }

    @Test
    void anUnknownDurationLeavesOnlyTheFeaturesThatNeedIt() {
        Transcript noDuration = new Transcript("sidecar", null, 60, null, LessonInputs.SEGMENTS);
        FeatureSet set = FeatureCalculator.compute(new FeatureInputs(noDuration, LessonInputs.FRAMES,
                LessonInputs.HITS, LessonInputs.CLIPS, LessonInputs.CONCEPTS, 0.1, null));

        assertThat(set.values()).containsEntry("duration_minutes", null).containsEntry("speech_share", null)
                .containsEntry("keyword_density_per_minute", null).containsEntry("clip_coverage", null)
                .containsEntry("speaking_rate_wpm", 24.0).containsEntry("keyword_hits", 6)
                .containsEntry("clip_seconds", 30.0);
        assertThat(set.notes()).contains("duration_minutes: the video's duration is unknown (stage 1's probe gave none)",
                "mean_asr_confidence: the transcript's source (sidecar) gives no confidences");
    }

    @Test
    void directionIsBothWhenLongAndShortAreTaughtAndHintsPreferTheEarlierOnATie() {
        List<ConceptRow> concepts = List.of(new ConceptRow("direction", "short", false, null),
                new ConceptRow("direction", "long", false, null), new ConceptRow("timeframe", "15m", false, null),
                new ConceptRow("timeframe", "1h", false, null), new ConceptRow("timeframe", "1h", false, null),
                new ConceptRow("timeframe", "15m", false, null));

        assertThat(ConceptFeatures.direction(concepts)).isEqualTo("both");
        assertThat(ConceptFeatures.direction(concepts.subList(0, 1))).isEqualTo("short");
        assertThat(ConceptFeatures.mostStated(concepts.subList(2, 6))).isEqualTo("15m");
        assertThat(ConceptFeatures.mostStated(concepts.subList(3, 6))).isEqualTo("1h");
        assertThat(ConceptFeatures.mostStated(List.of())).isNull();
    }

    @Test
    void speechShareAndCoverageNeverExceedOne() {
        // overlapping segments (a subtitle file can have them) and clips longer than the probe's duration
        Transcript overlapping = new Transcript("sidecar", 60.0, 10, null, List.of(
                new FeatureInputs.Segment(0, 50, "a"), new FeatureInputs.Segment(10, 60, "b")));
        Map<String, Object> v = FeatureCalculator.compute(new FeatureInputs(overlapping, List.of(), List.of(),
                List.of(new FeatureInputs.Clip(70)), List.of(), null, "x")).values();

        assertThat(v).containsEntry("speech_share", 1.0).containsEntry("clip_coverage", 1.0);
    }
}
