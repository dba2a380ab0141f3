package io.tradingedu.orchestrator.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One media item's features: every name of the version, each a number, text, boolean or null (null only with a note
 * that says why).
 */
record FeatureSet(String version, Map<String, Object> values, List<String> notes) {

    FeatureSet {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        notes = List.copyOf(notes);
    }

    /** Collects the values; {@link #build()} insists on every catalogue name, so no feature is forgotten silently. */
    static final class Builder {

        private final Map<String, Object> values = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();
        private final Map<String, List<String>> missing = new LinkedHashMap<>();

        Builder put(String name, Object value) {
            if (value == null) {
                throw new IllegalArgumentException(name + " is null: use unknown(name, reason)");
            }
            if (value instanceof Double d && !Double.isFinite(d)) {
                throw new IllegalArgumentException(name + " is " + d);
            }
            return set(name, value instanceof Double d ? round(d) : value);
        }

        /** A feature that cannot be computed, with the reason (kept as a note). */
        Builder unknown(String name, String reason) {
            notes.add(name + ": " + reason);
            return set(name, null);
        }

        /** Features that lack an input: one note per reason, naming all of them. */
        Builder missing(List<String> names, String reason) {
            names.forEach(n -> set(n, null));
            missing.computeIfAbsent(reason, r -> new ArrayList<>()).addAll(names);
            return this;
        }

        /** A ratio, or null with the reason when its denominator is 0. */
        Builder ratio(String name, double numerator, double denominator, String whenZero) {
            return denominator == 0 ? unknown(name, whenZero) : put(name, numerator / denominator);
        }

        FeatureSet build() {
            List<String> absent = FeatureCatalogue.NAMES.stream().filter(n -> !values.containsKey(n)).toList();
            if (!absent.isEmpty()) {
                throw new IllegalStateException("features not computed: " + absent);
            }
            Map<String, Object> ordered = new LinkedHashMap<>();
            FeatureCatalogue.NAMES.forEach(n -> ordered.put(n, values.get(n)));
            List<String> all = new ArrayList<>();
            missing.forEach((reason, names) -> all.add(reason + " (null: " + String.join(", ", names) + ")"));
            all.addAll(notes);
            return new FeatureSet(FeatureCatalogue.VERSION, ordered, all);
        }

        private Builder set(String name, Object value) {
            if (!FeatureCatalogue.NAMES.contains(name)) {
                throw new IllegalArgumentException("not a feature of " + FeatureCatalogue.VERSION + ": " + name);
            }
            if (values.containsKey(name)) {
                throw new IllegalStateException(name + " computed twice");
            }
            values.put(name, value);
            return this;
        }

        /** Six decimals: more would only show floating-point noise (0.30000000000000004). */
        private static double round(double value) {
            return Math.round(value * 1e6) / 1e6;
        }
    }
}
