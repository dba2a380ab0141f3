package io.tradingedu.embeddings.passage;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts speech into sentences at sentence-ending punctuation. A fragment shorter than {@code minWords} ("Why?",
 * "Look here.") says little on its own and is joined to the sentence after it (the last one to the one before).
 */
final class Sentences {

    private Sentences() {
    }

    static List<String> of(String text, int minWords) {
        List<String> sentences = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String piece : text.strip().split("(?<=[.!?])\\s+")) {
            if (piece.isBlank()) {
                continue;
            }
            if (!pending.isEmpty()) {
                pending.append(' ');
            }
            pending.append(piece.strip());
            if (words(pending) >= minWords) {
                sentences.add(pending.toString());
                pending.setLength(0);
            }
        }
        if (!pending.isEmpty()) {
            if (sentences.isEmpty()) {
                sentences.add(pending.toString());
            } else {
                sentences.set(sentences.size() - 1, sentences.getLast() + " " + pending);
            }
        }
        return sentences;
    }

    private static int words(CharSequence text) {
        return text.toString().strip().split("\\s+").length;
    }
}
