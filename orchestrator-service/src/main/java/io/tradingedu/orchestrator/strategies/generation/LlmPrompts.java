package io.tradingedu.orchestrator.strategies.generation;

import io.tradingedu.shared.strategy.IndicatorKind;
import java.util.List;
import java.util.Locale;

/** What the model is told: the strategy language, the lesson's concepts and excerpts, and how to answer. */
final class LlmPrompts {

    /** Bounds what one request sends, whatever the lesson's length. */
    static final int MAX_CONCEPTS = 80;
    static final int MAX_EXCERPT_CHARS = 6_000;

    private LlmPrompts() {
    }

    static String system() {
        StringBuilder catalogue = new StringBuilder();
        for (IndicatorKind kind : IndicatorKind.values()) {
            catalogue.append("- ").append(kind.wireName());
            if (!kind.params().isEmpty()) {
                catalogue.append(" params ").append(kind.params().stream().map(p -> p.name() + "="
                        + number(p.defaultValue())).toList());
            }
            if (!kind.outputs().isEmpty()) {
                catalogue.append(" outputs ").append(kind.outputs());
            }
            catalogue.append('\n');
        }
        return """
                You turn a trading lesson into strategies in a strict JSON strategy language. Write only what the \
                lesson teaches; never invent an entry rule. Fill what it leaves unstated with neutral defaults and \
                list each such field under "assumed".

                Strategy JSON (version 1):
                {"version": 1, "name": "...", "direction": "long"|"short",
                 "entry": <condition>, "exit": <condition, optional>,
                 "risk": {"stop_loss": {"percent": 2} or {"atr_multiple": 2, "atr_period": 14},
                          "take_profit": {"percent": 5} or {"r_multiple": 2}, "trailing_stop": {"percent": 3},
                          "max_bars": 20},
                 "sizing": {"fraction_of_equity": 1.0} or {"risk_per_trade": 0.01}}
                Percent values are percents (2 = 2 %); risk_per_trade and fraction_of_equity are fractions.
                Conditions: {"type": "above"|"below"|"crosses_above"|"crosses_below", "left": <expr>, "right": <expr>},
                {"type": "rising"|"falling", "value": <expr>, "bars": n}, {"type": "between", "value", "lower",
                "upper"}, {"type": "and"|"or", "conditions": [...]}, {"type": "not", "condition": <condition>}.
                Expressions: {"indicator": NAME, "params": {...}, "output": "...", "input": <expr>},
                {"price": "open"|"high"|"low"|"close"|"volume"}, {"constant": 30}.
                Indicators:
                """ + catalogue + """
                Answer with one JSON object and nothing else:
                {"strategies": [{"definition": <strategy JSON>, "assumed": [{"field": <path into the definition, \
                e.g. "exit.left.params.period" or "risk.stop_loss">, "value": <the value used there>, \
                "reason": "..."}], "concepts": [numbers of the concepts it is built from]}]}
                If the lesson teaches no rule for when to enter, answer {"strategies": [], "reason": "..."}.
                """;
    }

    static String user(List<LessonConcept> concepts, List<String> excerpts) {
        StringBuilder text = new StringBuilder("Concepts found in the lesson (number, kind, role, text form, quote):\n");
        for (int i = 0; i < Math.min(concepts.size(), MAX_CONCEPTS); i++) {
            LessonConcept c = concepts.get(i);
            text.append('[').append(i + 1).append("] ").append(c.kind());
            if (c.role() != null) {
                text.append(" (").append(c.role()).append(')');
            }
            text.append(": ").append(c.concept().textForm()).append(" — \"").append(c.concept().quote()).append("\"\n");
        }
        int budget = MAX_EXCERPT_CHARS;
        if (!excerpts.isEmpty()) {
            text.append("\nTranscript excerpts:\n");
            for (String excerpt : excerpts) {
                if (budget <= 0) {
                    break;
                }
                String part = excerpt.length() > budget ? excerpt.substring(0, budget) : excerpt;
                text.append("- ").append(part).append('\n');
                budget -= part.length();
            }
        }
        return text.toString();
    }

    static String repair(String previousReply, List<String> problems) {
        return "Your previous answer was:\n" + previousReply + "\n\nIt has these problems (path: problem):\n- "
                + String.join("\n- ", problems) + "\n\nAnswer again with the whole corrected JSON object, fixing "
                + "exactly these problems and keeping what the lesson teaches.";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%s", value);
    }
}
