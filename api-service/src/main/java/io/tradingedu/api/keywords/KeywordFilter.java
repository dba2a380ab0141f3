package io.tradingedu.api.keywords;

import io.tradingedu.api.support.Params;
import io.tradingedu.api.support.SqlConditions;
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

    private SqlConditions conditions() {
        return new SqlConditions()
                .and("media_id = ?", mediaId)
                .and("lower(keyword) = lower(?)", keyword)
                .and("category = ?", category)
                .and("confidence >= ?", minConfidence);
    }

    String where() {
        return conditions().where();
    }

    List<Object> arguments() {
        return conditions().arguments();
    }
}
