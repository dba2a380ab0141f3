package io.tradingedu.embeddings.passage;

import java.util.List;
import java.util.UUID;

/**
 * A stretch of a lesson a trader can land on, before it is embedded.
 *
 * @param sourceId   the frame's or clip's id, null for transcript windows
 * @param playSeconds where playing it starts: its start, or for a frame the frame's own second (its range also
 *                   holds the speech around it)
 * @param keywords   lexicon keywords mentioned within the passage's time range (lower case, distinct)
 * @param categories their categories (distinct)
 * @param parts      the sentences of a transcript window, embedded besides the whole so a question answered by one
 *                   sentence finds its window (small-to-big); empty when the passage is one piece
 */
public record Passage(PassageKind kind, int seq, UUID sourceId, double startSeconds, double endSeconds,
                      double playSeconds, String text,
                      List<String> keywords, List<String> categories, List<String> parts) {

    public Passage {
        keywords = List.copyOf(keywords);
        categories = List.copyOf(categories);
        parts = List.copyOf(parts);
    }
}
