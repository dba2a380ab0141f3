package io.tradingedu.orchestrator.strategies.generation;

import io.tradingedu.shared.strategy.IndicatorKind;
import io.tradingedu.shared.strategy.StrategyDefinition;
import io.tradingedu.shared.strategy.StrategyJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The parameters a lesson left open, as sweep ranges for stage 9: an indicator parameter the lesson did not state
 * (it took the catalogue default) is tried from half to twice its default; every place the same indicator with the
 * same value appears shares one value (the fast average of the entry and of the exit move together). At most
 * {@value #MAX_OPEN} parameters per strategy, so the sweep stays small and the multiple-testing penalty modest.
 */
final class OpenParameters {

    static final int MAX_OPEN = 2;

    /** An unstated parameter: this indicator's parameter took this (default) value. */
    record Open(String indicator, String param, double value) {
    }

    private OpenParameters() {
    }

    static List<Candidate.Tuning> of(StrategyDefinition definition, Set<Open> open) {
        Map<Open, List<String>> paths = new LinkedHashMap<>();
        walk(StrategyJson.toTree(definition), "", open, paths);
        List<Candidate.Tuning> tuning = new ArrayList<>();
        for (var entry : paths.entrySet()) {
            if (tuning.size() == MAX_OPEN) {
                break;
            }
            Open o = entry.getKey();
            double from = Math.max(minimum(o), Math.round(o.value() / 2));
            double to = Math.max(from, o.value() * 2);
            double step = Math.max(1, Math.round(o.value() / 4));
            tuning.add(new Candidate.Tuning(entry.getValue(), from, to, step, o.indicator() + " " + o.param()
                    + " not stated in the lesson: the catalogue default " + number(o.value()) + " and values around it"));
        }
        return tuning;
    }

    private static double minimum(Open o) {
        return IndicatorKind.byName(o.indicator()).flatMap(k -> k.param(o.param())).map(p -> Math.max(2, p.min()))
                .orElse(2.0);
    }

    private static void walk(JsonNode node, String path, Set<Open> open, Map<Open, List<String>> paths) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", open, paths);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode indicator = node.get("indicator");
        JsonNode params = node.get("params");
        if (indicator != null && params != null && params.isObject()) {
            for (String name : params.propertyNames()) {
                Open candidate = new Open(indicator.asString(), name, params.get(name).asDouble());
                if (open.contains(candidate)) {
                    paths.computeIfAbsent(candidate, k -> new ArrayList<>()).add(path + ".params." + name);
                }
            }
        }
        for (String field : node.propertyNames()) {
            walk(node.get(field), path.isEmpty() ? field : path + "." + field, open, paths);
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
