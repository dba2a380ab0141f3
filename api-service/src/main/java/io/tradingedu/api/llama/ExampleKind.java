package io.tradingedu.api.llama;

import io.tradingedu.api.support.BadParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The kinds of examples, in the order a mixed answer takes them round-robin. */
enum ExampleKind {
    STRATEGY, CONCEPT, TRANSCRIPT, KEYWORDS;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The {@code kind} parameter: one or several separated by commas; absent means all. */
    static List<ExampleKind> parse(String value) {
        if (value == null || value.isBlank()) {
            return List.of(values());
        }
        List<ExampleKind> kinds = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            ExampleKind kind = null;
            for (ExampleKind candidate : values()) {
                if (candidate.label().equals(name)) {
                    kind = candidate;
                }
            }
            if (kind == null) {
                throw new BadParameterException("kind", "must be strategy, concept, transcript or keywords (several "
                        + "separated by commas); got '" + (value.length() > 40 ? value.substring(0, 40) + "…" : value)
                        + "'");
            }
            if (!kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }
}
