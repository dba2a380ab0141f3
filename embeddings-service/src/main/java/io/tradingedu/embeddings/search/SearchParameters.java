package io.tradingedu.embeddings.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tradingedu.embeddings.passage.PassageKind;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A search as asked (query string or JSON body), before validation. {@link #validate} checks every bound before any
 * work is done and names the field it refuses.
 */
@Schema(description = "A hybrid search over lesson transcripts, frames and clips")
public record SearchParameters(
        @Schema(description = "what to find: a question or exact terms, at most 1000 characters",
                example = "when should I take profits") String query,
        @JsonProperty("top_k") @Schema(description = "hits to return, 1 to 100 (default 10)") Integer topK,
        @Schema(description = "transcript, frame, clip or all (default); several separated by commas") String type,
        @JsonProperty("media_id") @Schema(description = "only this media item") UUID mediaId,
        @Schema(description = "only passages mentioning this lexicon keyword, e.g. RSI") String keyword,
        @Schema(description = "only passages mentioning a keyword of this category, e.g. risk_management")
        String category,
        @JsonProperty("from_seconds") @Schema(description = "only passages ending at or after this second")
        Double fromSeconds,
        @JsonProperty("to_seconds") @Schema(description = "only passages starting at or before this second")
        Double toSeconds,
        @JsonProperty("min_similarity") @Schema(description = "only hits at least this similar in meaning, -1 to 1")
        Double minSimilarity,
        @Schema(description = "hybrid (default), vector or text") String mode) {

    private static final int DEFAULT_TOP_K = 10;
    private static final int MAX_FILTER_CHARS = 100;

    public SearchQuery validate(SearchLimits limits) {
        String text = query == null ? "" : query.strip();
        if (text.isEmpty()) {
            throw new BadSearchException("query", "must not be empty");
        }
        if (text.length() > limits.maxQueryChars()) {
            throw new BadSearchException("query", "is " + text.length() + " characters long; at most "
                    + limits.maxQueryChars() + " are allowed");
        }
        rejectControlCharacters("query", text);
        int k = topK == null ? DEFAULT_TOP_K : topK;
        if (k < 1 || k > limits.maxTopK()) {
            throw new BadSearchException("top_k", "is " + k + "; it must be between 1 and " + limits.maxTopK());
        }
        if (minSimilarity != null && !(minSimilarity >= -1 && minSimilarity <= 1)) {
            throw new BadSearchException("min_similarity", "is " + minSimilarity + "; it must be between -1 and 1");
        }
        second("from_seconds", fromSeconds);
        second("to_seconds", toSeconds);
        if (fromSeconds != null && toSeconds != null && fromSeconds > toSeconds) {
            throw new BadSearchException("from_seconds", "is " + fromSeconds + ", after to_seconds " + toSeconds);
        }
        return new SearchQuery(text, k, kinds(type), mediaId, filter("keyword", keyword), filter("category", category),
                fromSeconds, toSeconds, minSimilarity, mode(mode));
    }

    static Set<PassageKind> kinds(String type) {
        if (type == null || type.isBlank() || type.strip().equalsIgnoreCase("all")) {
            return EnumSet.allOf(PassageKind.class);
        }
        Set<PassageKind> kinds = EnumSet.noneOf(PassageKind.class);
        for (String label : type.split(",", -1)) {
            if (label.isBlank()) {
                throw new BadSearchException("type", "'" + excerpt(type.strip()) + "' names an empty type; use one of "
                        + Arrays.stream(PassageKind.values()).map(PassageKind::label).toList() + " or all");
            }
            PassageKind kind = PassageKind.fromLabel(label);
            if (kind == null) {
                throw new BadSearchException("type", "'" + excerpt(label.strip()) + "' is not a type; use one of "
                        + Arrays.stream(PassageKind.values()).map(PassageKind::label).toList() + " or all");
            }
            kinds.add(kind);
        }
        return kinds;
    }

    private static SearchMode mode(String mode) {
        if (mode == null || mode.isBlank()) {
            return SearchMode.HYBRID;
        }
        try {
            return SearchMode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadSearchException("mode", "'" + excerpt(mode.strip()) + "' is not a mode; use one of "
                    + List.of("hybrid", "vector", "text"));
        }
    }

    private static String filter(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_FILTER_CHARS) {
            throw new BadSearchException(field, "is " + stripped.length() + " characters long; at most "
                    + MAX_FILTER_CHARS + " are allowed");
        }
        rejectControlCharacters(field, stripped);
        return stripped;
    }

    private static void second(String field, Double value) {
        if (value != null && !(value >= 0 && value <= 1e7)) {
            throw new BadSearchException(field, "is " + value + "; it must be a number of seconds from 0 to 10000000");
        }
    }

    static void rejectControlCharacters(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
                throw new BadSearchException(field, "contains the control character U+"
                        + String.format(Locale.ROOT, "%04X", (int) c) + " at position " + i);
            }
        }
    }

    private static String excerpt(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
