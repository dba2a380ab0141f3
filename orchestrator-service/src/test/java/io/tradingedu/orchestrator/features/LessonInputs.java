package io.tradingedu.orchestrator.features;

import io.tradingedu.orchestrator.features.FeatureInputs.Clip;
import io.tradingedu.orchestrator.features.FeatureInputs.ConceptRow;
import io.tradingedu.orchestrator.features.FeatureInputs.Frame;
import io.tradingedu.orchestrator.features.FeatureInputs.Hit;
import io.tradingedu.orchestrator.features.FeatureInputs.Segment;
import io.tradingedu.orchestrator.features.FeatureInputs.Transcript;
import java.util.List;

/**
 * One hand-built lesson with every input, whose feature values are worked out by hand in {@link FeatureCalculatorTest}.
 * A 10-minute video, 150 s of speech in five segments, 60 words.
 */
final class LessonInputs {

    static final List<Segment> SEGMENTS = List.of(
            new Segment(0, 30, "Today we learn the RSI strategy because it is simple."),
            new Segment(40, 70, "For example, when the RSI is below 30 in an uptrend, buyers come in."),
            new Segment(80, 110, "What is a stop loss? Step one: put the stop below the swing low."),
            new Segment(120, 150, "The bearish case is a downtrend with lower lows, which means we wait."),
            new Segment(160, 190, "how do you size the position"));

    static final Transcript TRANSCRIPT = new Transcript("pocketsphinx", 600.0, 60, 0.8, SEGMENTS);

    static final List<Frame> FRAMES = List.of(new Frame(0.5, false), new Frame(30, true), new Frame(60, false),
            new Frame(90, false));

    static final List<Hit> HITS = List.of(
            new Hit("RSI", "technical_indicator", 5, "transcript"),
            new Hit("RSI", "technical_indicator", 45, "transcript"),
            new Hit("uptrend", "market_condition", 50, "transcript"),
            new Hit("stop loss", "risk_management", 85, "transcript"),
            new Hit("RSI", "technical_indicator", 95, "ocr"),
            new Hit("downtrend", "market_condition", 130, "transcript"));

    static final List<Clip> CLIPS = List.of(new Clip(20), new Clip(10));

    static final List<ConceptRow> CONCEPTS = List.of(
            new ConceptRow("indicator", "RSI", false, null),
            new ConceptRow("indicator", "RSI", true, null),
            new ConceptRow("indicator", "SMA", false, null),
            new ConceptRow("condition", "below", false, "entry"),
            new ConceptRow("condition", "crosses_above", false, "exit"),
            new ConceptRow("condition", "above", false, "filter"),
            new ConceptRow("risk_rule", "stop_loss", false, null),
            new ConceptRow("risk_rule", "position_risk", false, null),
            new ConceptRow("timeframe", "1d", false, null),
            new ConceptRow("timeframe", "4h", false, null),
            new ConceptRow("timeframe", "4h", false, null),
            new ConceptRow("direction", "long", false, null),
            new ConceptRow("instrument", "AAPL", false, null),
            new ConceptRow("instrument", "SPY", false, null),
            new ConceptRow("candlestick", "hammer", false, null));

    static final FeatureInputs ALL = new FeatureInputs(TRANSCRIPT, FRAMES, HITS, CLIPS, CONCEPTS, 0.23, null);

    static final FeatureInputs NOTHING = new FeatureInputs(null, null, null, null, null, null,
            "stage 6 (embeddings) has not run in this run");

    private LessonInputs() {
    }
}
