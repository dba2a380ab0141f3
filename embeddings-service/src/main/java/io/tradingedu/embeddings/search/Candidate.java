package io.tradingedu.embeddings.search;

import java.util.List;
import java.util.UUID;

/** A passage one ranking found, with both its similarity and (when its words matched) its text rank. */
record Candidate(long id, String kind, UUID mediaId, UUID sourceId, double startSeconds, double endSeconds,
                 double playSeconds, String text, List<String> keywords, double similarity, Double textRank) {
}
