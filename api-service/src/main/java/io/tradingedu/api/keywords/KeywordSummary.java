package io.tradingedu.api.keywords;

import java.util.List;
import java.util.UUID;

/** How often each keyword and each category occurs in one media item, most frequent first. */
record KeywordSummary(UUID mediaId, long total, List<KeywordCount> keywords, List<CategoryCount> categories) {

    /** @param firstAt seconds into the video of the keyword's first occurrence */
    record KeywordCount(String keyword, String category, long count, double firstAt) {
    }

    record CategoryCount(String category, long count) {
    }
}
