package io.tradingedu.orchestrator.concepts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trading concept a lesson states, with its evidence.
 *
 * @param kind       {@code indicator}, {@code condition}, {@code risk_rule}, {@code chart_pattern},
 *                   {@code candlestick}, {@code timeframe}, {@code direction} or {@code instrument}
 * @param name       within the kind: the indicator's catalogue name ({@code RSI}), the condition's type
 *                   ({@code crosses_above}), the rule ({@code stop_loss}), the pattern ({@code double_top}), the
 *                   timeframe ({@code 4h}), {@code long}/{@code short}, the ticker ({@code AAPL})
 * @param details    the structured content, JSON-ready (maps, lists, strings, Integer when whole, Double otherwise);
 *                   see {@link ConceptExtractor} for the keys of each kind
 * @param textForm   the concept in the strategy language's compact text where it has one ({@code RSI(14) < 30},
 *                   {@code stop_loss: 2%}), otherwise a short readable form
 * @param start      seconds: the start of the text unit that stated it
 * @param end        seconds: the end of that text unit
 * @param quote      the sentence that stated it (after normalisation)
 * @param confidence 0..1: the evidence's confidence times how certain the rule is; lower when a parameter or
 *                   threshold was assumed
 * @param source     the evidence's source, {@code transcript} or {@code ocr}
 */
public record Concept(String kind, String name, Map<String, Object> details, String textForm, double start,
                      double end, String quote, double confidence, String source) {

    public Concept {
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
