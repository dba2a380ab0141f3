package io.tradingedu.api.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.api.AnalysisApiSupport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** Keyword hits: filters, paging with the total, one hit, the per-item summary, and 400s naming the field. */
class KeywordApiIT extends AnalysisApiSupport {

    UUID media;
    UUID rsiAt10;

    @BeforeEach
    void hits() throws Exception {
        media = catalogued("keywords.mp4");
        rsiAt10 = hit("RSI", "technical_indicator", 10.0, 0.95);
        hit("RSI", "technical_indicator", 40.0, 0.6);
        hit("RSI", "technical_indicator", 70.0, 0.9);
        hit("stop loss", "risk_management", 20.0, 0.85);
        hit("head and shoulders", "chart_pattern", 30.0, 0.4);
    }

    @Test
    void filtersByKeywordCategoryAndConfidenceWithTheTotal() {
        assertThat(page("media_id=" + media + "&keyword=rsi")).containsEntry("total", 3);
        assertThat(page("media_id=" + media + "&category=risk_management")).containsEntry("total", 1);
        Map<String, Object> confident = page("media_id=" + media + "&min_confidence=0.85");
        assertThat(confident).containsEntry("total", 3);
        assertThat(items(confident)).extracting(i -> i.get("start")).containsExactly(10.0, 20.0, 70.0);
        assertThat(page("media_id=" + media + "&keyword=RSI&min_confidence=0.9&category=technical_indicator"))
                .containsEntry("total", 2);
    }

    @Test
    void pagesInTimeOrderWithSkipAndLimit() {
        Map<String, Object> second = page("media_id=" + media + "&limit=2&skip=2");

        assertThat(second).containsEntry("total", 5).containsEntry("skip", 2).containsEntry("limit", 2);
        assertThat(items(second)).extracting(i -> i.get("keyword")).containsExactly("head and shoulders", "RSI");
        assertThat(items(page("media_id=" + media + "&skip=5"))).isEmpty();
    }

    @Test
    void oneHitByIdAnd404ForAnUnknownOne() {
        Map<String, Object> hit = http.get().uri("/keywords/{id}", rsiAt10).retrieve().body(Map.class);

        assertThat(hit).containsEntry("media_id", media.toString()).containsEntry("keyword", "RSI")
                .containsEntry("category", "technical_indicator").containsEntry("matched_text", "rsi")
                .containsEntry("start", 10.0).containsEntry("end", 11.0).containsEntry("confidence", 0.95)
                .containsEntry("context", "when the rsi drops").containsEntry("source", "transcript")
                .containsEntry("lexicon_version", "test-1");
        ResponseEntity<Map> unknown = http.get().uri("/keywords/{id}", UUID.randomUUID()).retrieve()
                .toEntity(Map.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody()).containsEntry("type", "https://tradingedu.io/problems/keyword-hit-not-found");
    }

    @Test
    void summaryCountsPerKeywordAndPerCategory() {
        Map<String, Object> summary = http.get().uri("/media_items/{id}/keywords/summary", media).retrieve()
                .body(Map.class);

        assertThat(summary).containsEntry("total", 5);
        assertThat((List<Map<String, Object>>) summary.get("keywords")).first().isEqualTo(Map.of("keyword", "RSI",
                "category", "technical_indicator", "count", 3, "first_at", 10.0));
        assertThat((List<Map<String, Object>>) summary.get("categories")).containsExactly(
                Map.of("category", "technical_indicator", "count", 3), Map.of("category", "chart_pattern", "count", 1),
                Map.of("category", "risk_management", "count", 1));
        assertThat(http.get().uri("/media_items/{id}/keywords/summary", UUID.randomUUID()).retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void badParametersAre400NamingTheField() {
        assertBad("limit=0", "limit", "between 1 and 200");
        assertBad("limit=201", "limit", "between 1 and 200");
        assertBad("skip=-1", "skip", "0 or more");
        assertBad("min_confidence=1.5", "min_confidence", "between 0 and 1");
        assertBad("min_confidence=high", "min_confidence", "a number");
        assertBad("media_id=42", "media_id", "a UUID");
        assertBad("category=astrology", "category", "technical_indicator, price_action");
        assertBad("keyword=" + "x".repeat(201), "keyword", "at most 200 characters");
    }

    @Test
    void aNulByteInAFilterIsA400NotADatabaseError() {
        ResponseEntity<Map> answer = http.get().uri("/keywords?keyword={k}", "rsi\u0000").retrieve()
                .toEntity(Map.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody()).containsEntry("field", "keyword")
                .containsEntry("type", "https://tradingedu.io/problems/bad-parameter");
    }

    private void assertBad(String query, String field, String reason) {
        ResponseEntity<Map> answer = http.get().uri("/keywords?" + query).retrieve().toEntity(Map.class);
        assertThat(answer.getStatusCode().value()).as(query).isEqualTo(400);
        assertThat(answer.getBody()).as(query).containsEntry("field", field)
                .containsEntry("type", "https://tradingedu.io/problems/bad-parameter");
        assertThat((String) answer.getBody().get("detail")).as(query).contains(reason);
    }

    private Map<String, Object> page(String query) {
        ResponseEntity<Map> answer = http.get().uri("/keywords?" + query).retrieve().toEntity(Map.class);
        assertThat(answer.getStatusCode().value()).as(query).isEqualTo(200);
        return answer.getBody();
    }

    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private UUID hit(String keyword, String category, double start, double confidence) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO analysis.keyword_hit (id, media_id, keyword, category, matched_text, start_seconds,
                    end_seconds, confidence, context, source, lexicon_version)
                VALUES (?, ?, ?, ?, lower(?), ?, ?, ?, ?, 'transcript', 'test-1')""",
                id, media, keyword, category, keyword, start, start + 1, confidence,
                "when the " + keyword.toLowerCase() + " drops");
        return id;
    }
}
