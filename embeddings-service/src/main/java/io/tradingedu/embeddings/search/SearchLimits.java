package io.tradingedu.embeddings.search;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What one request may ask for. Checked before any work, so no request costs more than these allow.
 *
 * @param maxQueryChars  longest query (a question, not a document)
 * @param maxTopK        most hits per search
 * @param maxEmbedTexts  most texts per {@code POST /embed}
 * @param candidates     how many hits each ranking contributes to the fusion, per hit asked for (at least 50)
 * @param efSearch       HNSW candidate list size (pgvector {@code hnsw.ef_search}); higher is more exact and slower
 * @param vectorTimeout  the vector ranking's statement is cancelled after this (the search answers 503)
 * @param textTimeout    the full-text ranking's statement is cancelled after this; a hybrid search then answers with
 *                       the vector ranking alone and says so
 * @param maxEmbedChars  longest text per {@code POST /embed}
 * @param textScanCap    at most this many passages holding a query word are ranked by full text
 * @param maxEmbedTotalChars all texts of one {@code POST /embed} together
 * @param embedConcurrency {@code POST /embed} requests embedding at once; more are answered 429, so bulk embedding
 *                       cannot starve searches and stage 6 of the model
 */
@ConfigurationProperties("search")
public record SearchLimits(int maxQueryChars, int maxTopK, int maxEmbedTexts, int maxEmbedChars, int candidates,
                           int efSearch, java.time.Duration vectorTimeout, java.time.Duration textTimeout,
                           int maxEmbedTotalChars, int embedConcurrency, int textScanCap) {

    public SearchLimits {
        maxQueryChars = maxQueryChars <= 0 ? 1000 : maxQueryChars;
        maxTopK = maxTopK <= 0 ? 100 : maxTopK;
        maxEmbedTexts = maxEmbedTexts <= 0 ? 256 : maxEmbedTexts;
        maxEmbedChars = maxEmbedChars <= 0 ? 4000 : maxEmbedChars;
        candidates = candidates <= 0 ? 3 : candidates;
        efSearch = efSearch <= 0 ? 100 : efSearch;
        vectorTimeout = vectorTimeout == null ? java.time.Duration.ofSeconds(5) : vectorTimeout;
        textTimeout = textTimeout == null ? java.time.Duration.ofMillis(1500) : textTimeout;
        maxEmbedTotalChars = maxEmbedTotalChars <= 0 ? 100_000 : maxEmbedTotalChars;
        embedConcurrency = embedConcurrency <= 0 ? 1 : embedConcurrency;
        textScanCap = textScanCap <= 0 ? 10_000 : textScanCap;
    }
}
