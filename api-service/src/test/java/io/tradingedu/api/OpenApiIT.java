package io.tradingedu.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every endpoint appears in the OpenAPI document with a summary. */
class OpenApiIT extends AnalysisApiSupport {

    @Test
    void documentsTheAnalysisEndpoints() {
        Map<String, Object> doc = http.get().uri("/v3/api-docs").retrieve().body(Map.class);
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) doc
                .get("paths");

        assertThat(paths).containsKeys("/transcript/{media_id}", "/media_items/{id}/frames", "/frames/{id}/image",
                "/keywords", "/keywords/{id}", "/media_items/{id}/keywords/summary", "/clips", "/clips/{id}",
                "/clip/{id}/download", "/clips/{id}/thumbnail", "/media_items/{id}/concepts", "/ingest",
                "/media_items");
        paths.forEach((path, operations) -> operations.forEach((method, operation) ->
                assertThat(operation.get("summary")).as(method + " " + path).isNotNull()));
    }
}
