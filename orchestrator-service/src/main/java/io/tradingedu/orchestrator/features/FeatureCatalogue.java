package io.tradingedu.orchestrator.features;

import java.util.List;

/**
 * The features of version {@link #VERSION}, in the order they are stored. docs/features.md defines each one (unit,
 * formula, source table); a test keeps the two in step. Changing a name, unit or formula makes a new version.
 */
final class FeatureCatalogue {

    static final String VERSION = "features-v1";

    static final List<String> KEYWORD_CATEGORIES = List.of("technical_indicator", "price_action", "risk_management",
            "order_type", "market_condition", "strategy_type", "timeframe", "chart_pattern", "candlestick");

    static final List<String> CONCEPT_KINDS = List.of("indicator", "condition", "risk_rule", "chart_pattern",
            "candlestick", "timeframe", "direction", "instrument");

    static final List<String> TRANSCRIPT = List.of("transcript_source", "transcript_words", "transcript_segments",
            "duration_minutes", "speech_minutes", "speech_share", "speaking_rate_wpm", "mean_asr_confidence");

    static final List<String> KEYWORDS = concat(
            List.of("keyword_hits", "keyword_terms", "keyword_diversity", "keyword_entropy_bits",
                    "keyword_density_per_minute"),
            KEYWORD_CATEGORIES.stream().map(c -> "keywords_" + c).toList(),
            List.of("first_mention_seconds", "last_mention_seconds", "keyword_ocr_share"));

    static final List<String> CONCEPTS = concat(
            CONCEPT_KINDS.stream().map(k -> "concepts_" + k).toList(),
            List.of("indicators_distinct", "indicators_explicit_share", "entry_conditions", "exit_conditions",
                    "has_stop_rule", "has_target_rule", "has_sizing_rule", "direction_hint", "timeframe_hint",
                    "instrument_hint"));

    static final List<String> LANGUAGE = List.of("bullish_terms", "bearish_terms", "sentiment_balance",
            "cue_explanations", "cue_examples", "cue_steps", "cue_questions", "teaching_cues_per_minute");

    static final List<String> FRAMES = List.of("frames", "trading_text_frame_share");

    static final List<String> CLIPS = List.of("clips", "clip_seconds", "clip_coverage");

    static final List<String> EMBEDDINGS = List.of("topic_spread");

    /** Every feature of the version, in order. */
    static final List<String> NAMES = concat(TRANSCRIPT, KEYWORDS, CONCEPTS, LANGUAGE, FRAMES, CLIPS, EMBEDDINGS);

    private FeatureCatalogue() {
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
