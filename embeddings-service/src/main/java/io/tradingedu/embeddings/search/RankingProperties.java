package io.tradingedu.embeddings.search;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the hybrid search weighs its rankings. A passage's score is the sum, over the rankings that found it, of
 * {@code weight / (rrfK + rank)}: weighted reciprocal rank fusion.
 *
 * @param rrfK          the fusion constant; smaller lets the first ranks count for more
 * @param vectorWeight  weight of the ranking by meaning (nearest vectors)
 * @param textWeight    weight of the full-text ranking
 * @param keywordWeight weight of the ranking by the lexicon keywords the query names (0 turns that ranking off)
 * @param textMatch     how the full-text ranking orders the passages that contain any of the query's words
 * @param parts         whether the ranking by meaning also searches the transcript windows' sentences and ranks a
 *                      window by the better of its own and its best sentence's similarity (small-to-big)
 */
@ConfigurationProperties("search.ranking")
public record RankingProperties(Integer rrfK, Double vectorWeight, Double textWeight, Double keywordWeight,
                                TextMatch textMatch, Boolean parts) {

    /** Orders of the full-text matches. */
    public enum TextMatch {
        /** cover density of any of the words, as if the query were the words OR-ed */
        ANY,
        /** passages holding every word first, then the others; each group by cover density */
        ALL_FIRST,
        /** by how many distinct query words a passage holds, then by cover density */
        COVERAGE
    }

    public RankingProperties {
        rrfK = rrfK == null ? 60 : rrfK;
        vectorWeight = vectorWeight == null ? 1.0 : vectorWeight;
        textWeight = textWeight == null ? 0.5 : textWeight;
        keywordWeight = keywordWeight == null ? 0.0 : keywordWeight;
        textMatch = textMatch == null ? TextMatch.COVERAGE : textMatch;
        parts = parts == null ? Boolean.TRUE : parts;
        if (rrfK < 1) {
            throw new IllegalArgumentException("search.ranking.rrf-k is " + rrfK + "; it must be at least 1");
        }
        for (double weight : new double[] {vectorWeight, textWeight, keywordWeight}) {
            if (!(weight >= 0 && weight <= 10)) {
                throw new IllegalArgumentException("search.ranking weights must be between 0 and 10, not " + weight);
            }
        }
    }

    public static RankingProperties defaults() {
        return new RankingProperties(null, null, null, null, null, null);
    }
}
