package io.tradingedu.orchestrator.strategies.generation;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tradingedu.support.web.BadFieldException;

/**
 * {@code POST /strategies/generate}: a strategy from free text or from what the library teaches about a keyword.
 *
 * @param keyword     gather the concepts of the top_k lessons that mention it (at most {@value #MAX_KEYWORD} chars)
 * @param text        a lesson's words (at most {@value #MAX_TEXT} chars); exactly one of keyword and text
 * @param topK        lessons to gather for a keyword, 1..{@value #MAX_TOP_K}, default {@value #DEFAULT_TOP_K}
 * @param temperature the model's sampling temperature 0..2 (default: the configured one)
 */
record GenerateRequest(String keyword, String text,
                       @JsonProperty("top_k") @JsonAlias("topK") Double topK, Double temperature) {

    static final int MAX_TEXT = 20_000;
    static final int MAX_KEYWORD = 100;
    static final int MAX_TOP_K = 20;
    static final int DEFAULT_TOP_K = 5;

    /** @throws BadFieldException naming the field and its limit */
    GenerateRequest validated() {
        boolean hasText = text != null && !text.isBlank();
        boolean hasKeyword = keyword != null && !keyword.isBlank();
        if (hasText == hasKeyword) {
            throw new BadFieldException(hasText ? "keyword" : "text", "give exactly one of keyword and text");
        }
        if (hasText && text.length() > MAX_TEXT) {
            throw new BadFieldException("text", "must be at most " + MAX_TEXT + " characters, was " + text.length());
        }
        if (hasKeyword && keyword.strip().length() > MAX_KEYWORD) {
            throw new BadFieldException("keyword", "must be at most " + MAX_KEYWORD + " characters, was "
                    + keyword.strip().length());
        }
        if (topK != null && !(topK >= 1 && topK <= MAX_TOP_K && topK == Math.rint(topK))) {
            throw new BadFieldException("top_k", "must be a whole number between 1 and " + MAX_TOP_K + ", was "
                    + topK);
        }
        if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
            throw new BadFieldException("temperature", "must be between 0 and 2, was " + temperature);
        }
        return this;
    }

    boolean byText() {
        return text != null && !text.isBlank();
    }

    int topKOrDefault() {
        return topK == null ? DEFAULT_TOP_K : topK.intValue();
    }
}
