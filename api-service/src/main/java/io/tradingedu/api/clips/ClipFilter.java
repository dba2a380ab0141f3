package io.tradingedu.api.clips;

import io.tradingedu.api.keywords.KeywordCategories;
import io.tradingedu.api.support.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The filters of {@code GET /clips}, checked, with the SQL condition they make: keyword and category match any
 * element of the clip's arrays. Every value travels as a bind parameter.
 */
record ClipFilter(UUID mediaId, String keyword, String category) {

    static ClipFilter of(UUID mediaId, String keyword, String category) {
        return new ClipFilter(mediaId, Params.text("keyword", keyword), KeywordCategories.check(category));
    }

    String where() {
        List<String> conditions = new ArrayList<>();
        if (mediaId != null) {
            conditions.add("media_id = ?");
        }
        if (keyword != null) {
            conditions.add("EXISTS (SELECT 1 FROM unnest(keywords) AS k WHERE lower(k) = lower(?))");
        }
        if (category != null) {
            conditions.add("? = ANY (categories)");
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
        return arguments;
    }
}
