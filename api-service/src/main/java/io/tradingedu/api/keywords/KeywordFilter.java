package io.tradingedu.api.keywords;

import io.tradingedu.api.support.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The filters of {@code GET /keywords}, checked, with the SQL condition they make. Every value travels as a bind
 * parameter; only fixed text is concatenated.
 */
record KeywordFilter(UUID mediaId, String keyword, String category, Double minConfidence) {

    static KeywordFilter of(UUID mediaId, String keyword, String category, Double minConfidence) {
        return new KeywordFilter(mediaId, Params.text("keyword", keyword), KeywordCategories.check(category),
                Params.fraction("min_confidence", minConfidence));
    }

    String where() {
        List<String> conditions = new ArrayList<>();
        if (mediaId != null) {
            conditions.add("media_id = ?");
        }
        if (keyword != null) {
            conditions.add("lower(keyword) = lower(?)");
        }
        if (category != null) {
            conditions.add("category = ?");
        }
        if (minConfidence != null) {
            conditions.add("confidence >= ?");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    List<Object> arguments() {
        List<Object> arguments = new ArrayList<>();
        if (mediaId != null) {
            arguments.add(mediaId);
        }
        if (keyword != null) {
            arguments.add(keyword);
        }
        if (category != null) {
            arguments.add(category);
        }
        if (minConfidence != null) {
            arguments.add(minConfidence);
        }
        return arguments;
    }
}
