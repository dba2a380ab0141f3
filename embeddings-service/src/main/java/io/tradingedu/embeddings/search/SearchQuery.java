package io.tradingedu.embeddings.search;

import io.tradingedu.embeddings.passage.PassageKind;
import java.util.Set;
import java.util.UUID;

/**
 * A validated search: what to look for, where, and how many.
 *
 * @param keyword       only passages mentioning this lexicon keyword (lower case)
 * @param fromSeconds   only passages ending at or after this moment of the video
 * @param toSeconds     only passages starting at or before this moment
 * @param minSimilarity only hits at least this close in meaning (cosine, −1…1), null for no floor
 */
public record SearchQuery(String text, int topK, Set<PassageKind> kinds, UUID mediaId, String keyword, String category,
                          Double fromSeconds, Double toSeconds, Double minSimilarity, SearchMode mode) {

    public SearchQuery {
        kinds = Set.copyOf(kinds);
    }
}
