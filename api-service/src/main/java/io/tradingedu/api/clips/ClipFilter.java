package io.tradingedu.api.clips;

import io.tradingedu.api.keywords.KeywordCategories;
import io.tradingedu.api.support.Params;
import io.tradingedu.api.support.SqlConditions;
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

    private SqlConditions conditions() {
        return new SqlConditions()
                .and("media_id = ?", mediaId)
                .and("EXISTS (SELECT 1 FROM unnest(keywords) AS k WHERE lower(k) = lower(?))", keyword)
                .and("? = ANY (categories)", category);
    }

    String where() {
        return conditions().where();
    }

    List<Object> arguments() {
        return conditions().arguments();
    }
}
