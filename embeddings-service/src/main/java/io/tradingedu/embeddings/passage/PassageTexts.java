package io.tradingedu.embeddings.passage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a lesson's passages are embedded, in one place for stage 6 and the re-index: each passage under its lesson's
 * title, then its sentences as they are (with the title a sentence would lose what sets it apart; measured: recall
 * fell). All go to the model in one call, which batches them by length.
 */
public final class PassageTexts {

    private PassageTexts() {
    }

    /** The vectors of the passages (wholes) and of each passage's sentences (parts), in the passages' order. */
    public record Vectors(List<float[]> wholes, List<List<float[]>> parts) {
    }

    /** The texts to embed: for each passage its titled text, then its parts. */
    public static List<String> of(Optional<String> title, List<String> texts, List<List<String>> parts) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            all.add(LessonTitle.context(title, texts.get(i)));
            all.addAll(parts.get(i));
        }
        return all;
    }

    /** Splits the vectors of {@link #of}'s texts back into each passage's whole and parts. */
    public static Vectors split(List<float[]> vectors, List<List<String>> parts) {
        List<float[]> wholes = new ArrayList<>(parts.size());
        List<List<float[]>> partVectors = new ArrayList<>(parts.size());
        int next = 0;
        for (List<String> passageParts : parts) {
            wholes.add(vectors.get(next++));
            partVectors.add(vectors.subList(next, next + passageParts.size()));
            next += passageParts.size();
        }
        return new Vectors(wholes, partVectors);
    }
}
