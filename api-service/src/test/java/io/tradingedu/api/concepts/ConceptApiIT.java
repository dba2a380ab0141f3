package io.tradingedu.api.concepts;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.api.AnalysisApiSupport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** A media item's concepts with their details as stored, filtered by kind. */
class ConceptApiIT extends AnalysisApiSupport {

    @Test
    void listsConceptsInOrderWithTheirDetailsAsAJsonObject() throws Exception {
        UUID media = catalogued("concepts.mp4");
        concept(media, 2, "risk_rule", "stop_loss", "{\"percent\": 2, \"basis\": \"entry\"}", null);
        concept(media, 1, "condition", "rsi_below",
                "{\"left\": {\"indicator\": \"rsi\", \"period\": 14}, \"op\": \"<\", \"right\": 30}", "rsi(14) < 30");

        Map<String, Object> all = http.get().uri("/media_items/{id}/concepts", media).retrieve().body(Map.class);
        List<Map<String, Object>> items = (List<Map<String, Object>>) all.get("items");

        assertThat(all).containsEntry("count", 2).containsEntry("truncated", false);
        assertThat(items).extracting(c -> c.get("name")).containsExactly("rsi_below", "stop_loss");
        assertThat(items.getFirst()).containsEntry("kind", "condition").containsEntry("text_form", "rsi(14) < 30")
                .containsEntry("start", 10.0).containsEntry("end", 14.0).containsEntry("quote", "quote 1")
                .containsEntry("confidence", 0.8).containsEntry("source", "transcript")
                .containsEntry("details", Map.of("left", Map.of("indicator", "rsi", "period", 14), "op", "<",
                        "right", 30));
        Map<String, Object> risk = http.get().uri("/media_items/{id}/concepts?kind=risk_rule", media).retrieve()
                .body(Map.class);
        assertThat((List<Map<String, Object>>) risk.get("items")).singleElement()
                .satisfies(c -> assertThat(c.get("details")).isEqualTo(Map.of("percent", 2, "basis", "entry")));
    }

    @Test
    void unknownKindIs400AndUnknownItemIs404() throws Exception {
        UUID media = catalogued("kinds.mp4");

        ResponseEntity<Map> badKind = http.get().uri("/media_items/{id}/concepts?kind=vibe", media).retrieve()
                .toEntity(Map.class);
        ResponseEntity<Map> unknown = http.get().uri("/media_items/{id}/concepts", UUID.randomUUID()).retrieve()
                .toEntity(Map.class);

        assertThat(badKind.getStatusCode().value()).isEqualTo(400);
        assertThat(badKind.getBody()).containsEntry("field", "kind");
        assertThat((String) badKind.getBody().get("detail")).contains("indicator, condition, risk_rule");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat((List<?>) http.get().uri("/media_items/{id}/concepts", media).retrieve().body(Map.class)
                .get("items")).isEmpty();
    }

    private void concept(UUID media, int seq, String kind, String name, String details, String textForm) {
        jdbc.update("""
                INSERT INTO analysis.concept (id, media_id, seq, kind, name, details, text_form, start_seconds,
                    end_seconds, quote, confidence, source)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, 0.8, 'transcript')""",
                UUID.randomUUID(), media, seq, kind, name, details, textForm, seq * 10.0, seq * 10.0 + 4,
                "quote " + seq);
    }
}
