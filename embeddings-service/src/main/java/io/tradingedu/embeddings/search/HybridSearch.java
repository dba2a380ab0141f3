package io.tradingedu.embeddings.search;

import io.tradingedu.embeddings.model.SentenceEmbedder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Answers a search by fusing the vector ranking and the full-text ranking with reciprocal rank fusion: a passage's
 * score is the sum of 1 / (60 + rank) over the rankings that found it. Meaning-only questions ("when should I take
 * profits") are carried by the vectors, exact terms ("RSI 2", "NR7") by the text, and passages both agree on rise.
 */
@Service
public class HybridSearch {

    /** The constant of reciprocal rank fusion (Cormack et al.); damps the weight of the very first ranks. */
    static final int RRF_K = 60;

    private final PassageRankings rankings;
    private final QueryEmbeddings queries;
    private final SentenceEmbedder embedder;
    private final SearchLimits limits;

    HybridSearch(PassageRankings rankings, QueryEmbeddings queries, SentenceEmbedder embedder, SearchLimits limits) {
        this.rankings = rankings;
        this.queries = queries;
        this.embedder = embedder;
        this.limits = limits;
    }

    public record Result(String query, String mode, String model, List<SearchHit> hits) {
    }

    public Result search(SearchQuery query) {
        float[] vector = queries.vectorFor(query.text());
        int candidates = Math.max(50, query.topK() * limits.candidates());
        String model = embedder.modelName();
        List<Candidate> byVector = query.mode() == SearchMode.TEXT ? List.of()
                : rankings.nearest(query, vector, model, candidates);
        List<Candidate> byText = query.mode() == SearchMode.VECTOR ? List.of()
                : rankings.matching(query, vector, model, candidates);
        List<SearchHit> hits = fuse(byVector, byText).stream()
                .filter(hit -> query.minSimilarity() == null || hit.similarity() >= query.minSimilarity())
                .limit(query.topK())
                .toList();
        return new Result(query.text(), query.mode().name().toLowerCase(Locale.ROOT), model, hits);
    }

    static List<SearchHit> fuse(List<Candidate> byVector, List<Candidate> byText) {
        Map<Long, Fused> fused = new LinkedHashMap<>();
        add(fused, byVector, "vector");
        add(fused, byText, "text");
        List<Fused> ranked = new ArrayList<>(fused.values());
        ranked.sort(Comparator.comparingDouble(Fused::score).reversed()
                .thenComparing(Comparator.comparingDouble((Fused f) -> f.candidate.similarity()).reversed()));
        return ranked.stream().map(Fused::hit).toList();
    }

    private static void add(Map<Long, Fused> fused, List<Candidate> ranking, String name) {
        for (int rank = 0; rank < ranking.size(); rank++) {
            Candidate candidate = ranking.get(rank);
            Fused entry = fused.computeIfAbsent(candidate.id(), id -> new Fused(candidate));
            entry.score += 1.0 / (RRF_K + rank + 1);
            entry.matchedBy.add(name);
            if (candidate.textRank() != null) {
                entry.textRank = candidate.textRank();
            }
        }
    }

    private static final class Fused {

        private final Candidate candidate;
        private final List<String> matchedBy = new ArrayList<>(2);
        private double score;
        private Double textRank;

        Fused(Candidate candidate) {
            this.candidate = candidate;
        }

        double score() {
            return score;
        }

        SearchHit hit() {
            Candidate c = candidate;
            return new SearchHit(c.kind(), c.mediaId(), c.sourceId(), c.startSeconds(), c.endSeconds(), c.text(),
                    c.keywords(), score, c.similarity(), textRank, List.copyOf(matchedBy), PlayLinks.of(c));
        }
    }
}
