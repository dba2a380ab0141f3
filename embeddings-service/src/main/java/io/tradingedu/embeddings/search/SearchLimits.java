package io.tradingedu.embeddings.search;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What one request may ask for. Checked before any work, so no request costs more than these allow.
 *
 * @param maxQueryChars  longest query (a question, not a document)
 * @param maxTopK        most hits per search
 * @param maxEmbedTexts  most texts per {@code POST /embed}
 * @param maxEmbedChars  longest text per {@code POST /embed}
 * @param candidates     how many hits each ranking contributes to the fusion, per hit asked for (at least 50)
 * @param efSearch       HNSW candidate list size (pgvector {@code hnsw.ef_search}); higher is more exact and slower
 */
@ConfigurationProperties("search")
public record SearchLimits(int maxQueryChars, int maxTopK, int maxEmbedTexts, int maxEmbedChars, int candidates,
                           int efSearch) {

    public SearchLimits {
        maxQueryChars = maxQueryChars <= 0 ? 1000 : maxQueryChars;
        maxTopK = maxTopK <= 0 ? 100 : maxTopK;
        maxEmbedTexts = maxEmbedTexts <= 0 ? 256 : maxEmbedTexts;
        maxEmbedChars = maxEmbedChars <= 0 ? 4000 : maxEmbedChars;
        candidates = candidates <= 0 ? 3 : candidates;
        efSearch = efSearch <= 0 ? 100 : efSearch;
    }
}
