package io.tradingedu.api.concepts;

import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A trading concept stage 5 extracted from what was said or shown.
 *
 * @param kind     indicator, condition, risk_rule, chart_pattern, timeframe, direction or instrument
 * @param details  the parameters, or the condition in the strategy language's JSON, exactly as stored
 * @param textForm the strategy language's compact text, where the kind has one
 * @param quote    the words the concept was taken from
 * @param source   {@code transcript} or {@code ocr}
 */
record Concept(UUID id, int seq, String kind, String name, JsonNode details, String textForm, double start,
               double end, String quote, double confidence, String source) {
}
