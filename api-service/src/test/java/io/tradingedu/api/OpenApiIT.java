package io.tradingedu.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
                "/media_items", "/admin/api_keys", "/admin/api_keys/{id}", "/playground/check", "/playground/datasets",
                "/playground/backtests", "/playground/sweeps/{id}", "/dashboard/backtests/{id}/chart");
        paths.forEach((path, operations) -> operations.forEach((method, operation) ->
                assertThat(operation.get("summary")).as(method + " " + path).isNotNull()));
    }

    /** Swagger UI's "Authorize" takes a key and sends it as a bearer token with every "Try it out". */
    @Test
    void declaresTheBearerCredentialForEveryOperation() {
        Map<String, Object> doc = http.get().uri("/v3/api-docs").retrieve().body(Map.class);

        assertThat((Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("securitySchemes"))
                .containsEntry("bearer", Map.of("type", "http", "scheme", "bearer", "description",
                        "An API key (te_...), the service token or a JWT of the configured issuer; scopes read, "
                                + "write, admin (docs/security.md)"));
        assertThat(doc.get("security")).isEqualTo(List.of(Map.of("bearer", List.of())));
    }
}
