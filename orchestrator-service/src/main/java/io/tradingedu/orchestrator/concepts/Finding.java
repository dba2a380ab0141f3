package io.tradingedu.orchestrator.concepts;

import java.util.Map;

/**
 * A concept found in one sentence, before the evidence (times, quote, source) is attached.
 *
 * @param at        character position in the sentence, to keep concepts in the order they were said
 * @param certainty 0..1, how sure the rule that found it is; multiplied by the evidence's confidence
 */
record Finding(int at, String kind, String name, Map<String, Object> details, String textForm, double certainty) {

    /** Two findings of the same concept in one sentence share this key; only the first is kept. */
    String key() {
        return kind + "|" + name + "|" + textForm + "|" + details.getOrDefault("role", "");
    }
}
