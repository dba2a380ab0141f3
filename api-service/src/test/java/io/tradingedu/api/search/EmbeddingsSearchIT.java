package io.tradingedu.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.api.AnalysisApiSupport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.http.ResponseEntity;

/**
 * GET /embeddings/search through the shared application context, whose {@code embeddings.url} points at
 * {@link EmbeddingsStub#shared()}: what reaches embeddings-service, the links hits come back with, and how its
 * refusals and absence reach the client.
 */
class EmbeddingsSearchIT extends AnalysisApiSupport {

    static final String TRICKY = "when to take profit & scale out #2 + 50% über Widerstand?";

    EmbeddingsStub embeddings;

    @BeforeEach
    void stub() {
        embeddings = EmbeddingsStub.shared();
        embeddings.reset();
    }

    @Test
    void theSearchReachesEmbeddingsEncodedAndEachHitLinksToWhereItPlays() {
        UUID media = UUID.randomUUID();
        UUID clip = UUID.randomUUID();
        embeddings.answer(EmbeddingsStub.json(200, result(media, clip)));

        ResponseEntity<Map> answer = http.get().uri("/embeddings/search?query={q}&embedding_type={t}&top_k=5"
                        + "&media_id={m}&keyword={k}&min_similarity=0.3&mode=hybrid", TRICKY, "Transcripts,clips",
                media, "take profit").retrieve().toEntity(Map.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(embeddings.requests()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/search");
            assertThat(request.parameters()).containsEntry("query", TRICKY).containsEntry("type", "transcript,clip")
                    .containsEntry("top_k", "5").containsEntry("media_id", media.toString())
                    .containsEntry("keyword", "take profit").containsEntry("min_similarity", "0.3")
                    .containsEntry("mode", "hybrid").doesNotContainKeys("embedding_type", "category");
        });
        Map<String, Object> body = answer.getBody();
        assertThat(body).containsEntry("query", TRICKY).containsEntry("mode", "hybrid")
                .containsEntry("model", "all-minilm-l6-v2-q");
        List<Map<String, Object>> hits = (List<Map<String, Object>>) body.get("hits");
        assertThat(hits).hasSize(2);
        assertThat(hits.get(0)).containsEntry("type", "transcript").containsEntry("media_id", media.toString())
                .containsEntry("source_id", null).containsEntry("start_seconds", 62.0)
                .containsEntry("end_seconds", 91.5).containsEntry("keywords", List.of("take profit"))
                .containsEntry("matched_by", List.of("vector", "text")).containsEntry("text_rank", 0.1)
                .containsEntry("play", "http://localhost:" + port + "/media_items/" + media + "/video#t=62.0");
        assertThat(hits.get(1)).containsEntry("type", "clip").containsEntry("source_id", clip.toString())
                .containsEntry("play", "http://localhost:" + port + "/clip/" + clip + "/download");
    }

    @Test
    void linksKeepTheProxysPrefix() {
        UUID media = UUID.randomUUID();
        embeddings.answer(EmbeddingsStub.json(200, result(media, UUID.randomUUID())));

        Map<String, Object> body = http.get().uri("/embeddings/search?query=RSI").header("X-Forwarded-Prefix", "/api")
                .retrieve().body(Map.class);

        assertThat(((List<Map<String, Object>>) body.get("hits")).getFirst()).containsEntry("play",
                "http://localhost:" + port + "/api/media_items/" + media + "/video#t=62.0");
    }

    @Test
    void embeddingsRefusalComesBackWithItsStatusDetailAndField() {
        embeddings.answer(EmbeddingsStub.problem(400, """
                {"type":"https://tradingedu.io/problems/bad-parameter","title":"Bad parameter","status":400,
                 "detail":"top_k: is 500; it must be between 1 and 100","instance":"/search","field":"top_k"}"""));

        ResponseEntity<Map> answer = http.get().uri("/embeddings/search?query=RSI&top_k=500").retrieve()
                .toEntity(Map.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(answer.getBody()).containsEntry("type", "https://tradingedu.io/problems/bad-parameter")
                .containsEntry("detail", "top_k: is 500; it must be between 1 and 100")
                .containsEntry("field", "top_k").containsEntry("instance", "/embeddings/search");
        assertThat(embeddings.requests()).singleElement()
                .satisfies(request -> assertThat(request.parameters()).containsEntry("top_k", "500"));
    }

    @Test
    void badParametersOfItsOwnAreRefusedWithoutAskingEmbeddings() {
        assertBadParameter("query", null, null);
        assertBadParameter("query", "query", "  ");
        assertBadParameter("embedding_type", "embedding_type", "slides");
        assertBadParameter("top_k", "top_k", "many");
        assertBadParameter("media_id", "media_id", "42");
        assertThat(embeddings.requests()).isEmpty();
    }

    @Test
    void embeddingsServerErrorIsABadGateway() {
        embeddings.answer(EmbeddingsStub.problem(500, "{\"status\":500,\"detail\":\"index missing\"}"));

        ResponseEntity<Map> answer = http.get().uri("/embeddings/search?query=RSI").retrieve().toEntity(Map.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(502);
        assertThat(answer.getBody()).containsEntry("type", "https://tradingedu.io/problems/embeddings-failed")
                .containsEntry("detail", "embeddings-service failed the search (500): index missing");
    }

    /** The timeout only guards against a hang: a refused connection fails at once. */
    @Test
    @Timeout(30)
    void stoppedEmbeddingsServiceIs503() {
        embeddings.stop();
        try {
            ResponseEntity<Map> answer = http.get().uri("/embeddings/search?query=RSI").retrieve()
                    .toEntity(Map.class);

            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
            assertThat(answer.getBody()).containsEntry("type", "https://tradingedu.io/problems/embeddings-unavailable");
            assertThat((String) answer.getBody().get("detail")).startsWith("embeddings-service cannot be reached: ");
        } finally {
            embeddings.start();
        }
    }

    @Test
    void theSearchAndTheVideoAreDocumented() {
        Map<String, Object> doc = http.get().uri("/v3/api-docs").retrieve().body(Map.class);
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) doc
                .get("paths");

        assertThat(paths.get("/embeddings/search").get("get")).containsEntry("tags", List.of("Search"));
        assertThat(paths.get("/media_items/{id}/video").get("get")).containsKey("summary");
        Map<String, Map<String, Object>> schemas = (Map<String, Map<String, Object>>) ((Map<String, Object>) doc
                .get("components")).get("schemas");
        // names both spellings share: springdoc's model resolver does not follow Boot's snake_case naming
        assertThat((Map<String, Object>) schemas.get("SearchHit").get("properties"))
                .containsKeys("type", "text", "keywords", "score", "similarity", "play");
    }

    /** Asks with {@code parameter=value} (and a query unless that is the parameter) and expects 400 naming field. */
    private void assertBadParameter(String field, String parameter, String value) {
        String uri = parameter == null ? "/embeddings/search"
                : parameter.equals("query") ? "/embeddings/search?query={v}"
                : "/embeddings/search?query=RSI&" + parameter + "={v}";
        ResponseEntity<Map> answer = http.get().uri(uri, value).retrieve().toEntity(Map.class);
        assertThat(answer.getStatusCode().value()).as(uri + " " + value).isEqualTo(400);
        assertThat(answer.getBody()).as(uri + " " + value).containsEntry("field", field)
                .containsEntry("type", "https://tradingedu.io/problems/bad-parameter");
    }

    private static String result(UUID media, UUID clip) {
        return """
                {"query":"%s","mode":"hybrid","model":"all-minilm-l6-v2-q",
                 "hits":[{"type":"transcript","media_id":"%s","source_id":null,"start_seconds":62.0,
                          "end_seconds":91.5,"text":"take profit into strength","keywords":["take profit"],
                          "score":0.032,"similarity":0.61,"text_rank":0.1,"matched_by":["vector","text"],
                          "play":"/media_items/%s/video#t=62.0"},
                         {"type":"clip","media_id":"%s","source_id":"%s","start_seconds":60.0,"end_seconds":75.0,
                          "text":"scale out","keywords":[],"score":0.016,"similarity":0.52,"text_rank":null,
                          "matched_by":["vector"],"play":"/clip/%s/download"}]}"""
                .formatted(TRICKY, media, media, media, clip, clip);
    }
}
