package io.tradingedu.embeddings.search;

import io.tradingedu.embeddings.model.SentenceEmbedder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Answers a search by fusing rankings with weighted reciprocal rank fusion: a passage's score is the sum of
 * {@code weight / (k + rank)} over the rankings that found it ({@link RankingProperties}). Meaning-only questions
 * ("when should I take profits") are carried by the vectors, exact terms ("RSI 2", "NR7") by the text and by the
 * lexicon keywords the query names, and passages several rankings agree on rise.
 */
@Service
public class HybridSearch {

    private static final Logger log = LoggerFactory.getLogger(HybridSearch.class);

    private final PassageRankings rankings;
    private final QueryEmbeddings queries;
    private final SentenceEmbedder embedder;
    private final SearchLimits limits;
    private final RankingProperties ranking;

    HybridSearch(PassageRankings rankings, QueryEmbeddings queries, SentenceEmbedder embedder, SearchLimits limits,
                 RankingProperties ranking) {
        this.rankings = rankings;
        this.queries = queries;
        this.embedder = embedder;
        this.limits = limits;
        this.ranking = ranking;
    }

    /** @param notes what the answer lacks and why (a ranking left out because it took too long) */
    public record Result(String query, String mode, String model, List<SearchHit> hits, List<String> notes) {
    }

    /** One ranking's candidates, best first, and how much its ranks count in the fusion. */
    record Ranking(String name, double weight, List<Candidate> candidates) {
    }

    public Result search(SearchQuery query) {
        float[] vector = queries.vectorFor(query.text());
        int candidates = Math.max(50, query.topK() * limits.candidates());
        String model = embedder.modelName();
        List<Ranking> found = new ArrayList<>(3);
        if (query.mode() != SearchMode.TEXT) {
            found.add(new Ranking("vector", ranking.vectorWeight(),
                    rankings.nearest(query, vector, model, candidates, ranking.parts())));
        }
        List<String> notes = new ArrayList<>(1);
        if (query.mode() != SearchMode.VECTOR) {
            try {
                found.add(new Ranking("text", ranking.textWeight(),
                        rankings.matching(query, vector, model, candidates, ranking.textMatch())));
            } catch (DataAccessException e) {
                if (query.mode() == SearchMode.TEXT || !SearchTimeouts.cancelled(e)) {
                    throw e;
                }
                // a hybrid search still has its answer by meaning; the text ranking must not hold it hostage
                log.warn("full-text ranking of a {}-character query cancelled after {}", query.text().length(),
                        limits.textTimeout());
                notes.add("the full-text ranking took longer than " + limits.textTimeout().toMillis()
                        + " ms and was left out; these hits are ranked by meaning only");
            }
        }
        if (query.mode() == SearchMode.HYBRID && ranking.keywordWeight() > 0) {
            found.add(new Ranking("keyword", ranking.keywordWeight(),
                    rankings.naming(query, vector, model, candidates)));
        }
        List<SearchHit> hits = fuse(ranking.rrfK(), found).stream()
                .filter(hit -> query.minSimilarity() == null || hit.similarity() >= query.minSimilarity())
                .limit(query.topK())
                .toList();
        return new Result(query.text(), query.mode().name().toLowerCase(Locale.ROOT), model, hits, notes);
    }

    static List<SearchHit> fuse(int rrfK, List<Ranking> rankings) {
        Map<Long, Fused> fused = new LinkedHashMap<>();
        for (Ranking ranking : rankings) {
            add(fused, rrfK, ranking);
        }
        List<Fused> ranked = new ArrayList<>(fused.values());
        ranked.sort(Comparator.comparingDouble(Fused::score).reversed()
                .thenComparing(Comparator.comparingDouble((Fused f) -> f.candidate.similarity()).reversed()));
        return ranked.stream().map(Fused::hit).toList();
    }

    private static void add(Map<Long, Fused> fused, int rrfK, Ranking ranking) {
        List<Candidate> candidates = ranking.candidates();
        for (int rank = 0; rank < candidates.size(); rank++) {
            Candidate candidate = candidates.get(rank);
            Fused entry = fused.computeIfAbsent(candidate.id(), id -> new Fused(candidate));
            entry.score += ranking.weight() / (rrfK + rank + 1);
            entry.matchedBy.add(ranking.name());
            if (candidate.textRank() != null) {
                entry.textRank = candidate.textRank();
            }
        }
    }

    private static final class Fused {

        private final Candidate candidate;
        private final List<String> matchedBy = new ArrayList<>(3);
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
