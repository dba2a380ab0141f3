package io.tradingedu.api.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.api.AnalysisApiSupport;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** A media item's features as stored, with their version and notes; 404 problems before stage 7 and for strangers. */
class FeatureApiIT extends AnalysisApiSupport {

    @Test
    void servesTheStoredFeaturesWithVersionAndNotesInSnakeCase() throws Exception {
        UUID media = catalogued("features.mp4");
        UUID run = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO analysis.feature_set (media_id, run_id, version, features, notes, computed_at)
                VALUES (?, ?, 'features-v1', CAST(? AS jsonb), CAST(? AS jsonb), ?)""", media, run,
                "{\"keyword_hits\": 12, \"speech_share\": 0.75, \"direction_hint\": \"long\", "
                        + "\"has_stop_rule\": true, \"topic_spread\": null}",
                "[\"topic_spread: stage 6 (embeddings) has not run in this run\"]",
                Timestamp.from(Instant.parse("2026-11-26T10:00:00Z")));

        ResponseEntity<Map> answer = http.get().uri("/media_items/{id}/features", media).retrieve()
                .toEntity(Map.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        Map<String, Object> body = answer.getBody();
        assertThat(body).containsEntry("media_id", media.toString()).containsEntry("run_id", run.toString())
                .containsEntry("version", "features-v1").containsKey("computed_at")
                .containsEntry("notes", List.of("topic_spread: stage 6 (embeddings) has not run in this run"));
        assertThat((Map<String, Object>) body.get("features")).containsEntry("keyword_hits", 12)
                .containsEntry("speech_share", 0.75).containsEntry("direction_hint", "long")
                .containsEntry("has_stop_rule", true).containsEntry("topic_spread", null);
    }

    @Test
    void notComputedYetAndUnknownItemsAre404Problems() throws Exception {
        UUID waiting = catalogued("waiting.mp4");

        ResponseEntity<Map> notYet = http.get().uri("/media_items/{id}/features", waiting).retrieve()
                .toEntity(Map.class);
        ResponseEntity<Map> unknown = http.get().uri("/media_items/{id}/features", UUID.randomUUID()).retrieve()
                .toEntity(Map.class);
        ResponseEntity<Map> malformed = http.get().uri("/media_items/not-a-uuid/features").retrieve()
                .toEntity(Map.class);

        assertThat(notYet.getStatusCode().value()).isEqualTo(404);
        assertThat(notYet.getBody()).containsEntry("type", "https://tradingedu.io/problems/features-not-found");
        assertThat((String) notYet.getBody().get("detail")).startsWith("no features yet for media " + waiting + ": ");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody()).containsEntry("type", "https://tradingedu.io/problems/media-not-found");
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
    }
}
