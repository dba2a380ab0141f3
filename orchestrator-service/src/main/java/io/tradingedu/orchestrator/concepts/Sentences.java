package io.tradingedu.orchestrator.concepts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits a text unit into sentences: after . ! ? ; followed by space, and at line breaks (slides are lines). */
final class Sentences {

    private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?;])\\s+|\\s*\\R\\s*");

    private Sentences() {
    }

    static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        for (String part : BOUNDARY.split(text)) {
            if (!part.isBlank()) {
                sentences.add(part.strip());
            }
        }
        return sentences;
    }
}
