package io.tradingedu.embeddings.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.pgvector.PGvector;
import io.tradingedu.embeddings.EmbeddingsITSupport;
import io.tradingedu.embeddings.model.SentenceEmbedder;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import redis.clients.jedis.Jedis;

class SearchApiIT extends EmbeddingsITSupport {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    SentenceEmbedder embedder;
    @Autowired
    QueryCacheProperties cacheProperties;

    private final List<UUID> synthetic = new ArrayList<>();

    @AfterEach
    void removeSyntheticRows() {
        synthetic.forEach(media -> jdbc.update("DELETE FROM embeddings.passage WHERE media_id = ?", media));
    }

    @Test
    void findsTheMomentALessonAnswersAQuestionAndLinksToIt() {
        UUID clip = UUID.randomUUID();
        UUID media = store(new Lesson(List.of(
                new Line(0, 8, "Welcome back, today we look at the weekly chart of gold."),
                new Line(8, 16, "Gold has been in a range for most of the year."),
                new Line(40, 48, "Now the important part: where do we get out with our winnings?"),
                new Line(48, 56, "I close half the position at two times my risk and trail the rest."),
                new Line(80, 88, "Never move your stop further away once you are in the trade.")),
                List.of(), List.of(new Highlight(clip, 40, 60, List.of("take profit", "trailing stop"),
                "I close half the position at two times my risk and trail the rest.")), List.of()));
        embed(media);

        Map<String, Object> result = get("/search?query={q}&media_id={m}&top_k=3",
                "when should I take my profits off the table", media).getBody();

        List<Map<String, Object>> hits = hits(result);
        assertThat(hits).isNotEmpty();
        Map<String, Object> best = hits.getFirst();
        assertThat(((Number) best.get("start_seconds")).doubleValue()).isLessThanOrEqualTo(48.0);
        assertThat(((Number) best.get("end_seconds")).doubleValue()).isGreaterThanOrEqualTo(48.0);
        assertThat((String) best.get("play")).isIn("/clip/" + clip + "/download",
                "/media_items/" + media + "/video#t=" + String.format(java.util.Locale.ROOT, "%.1f",
                        ((Number) best.get("start_seconds")).doubleValue()));
        assertThat(result).containsEntry("mode", "hybrid").containsEntry("model", embedder.modelName());

        List<Map<String, Object>> clips = hits(get("/search/clips?query={q}&media_id={m}", "trailing stop", media)
                .getBody());
        assertThat(clips).isNotEmpty().allSatisfy(hit -> assertThat(hit).containsEntry("type", "clip"));
        assertThat(clips.getFirst()).containsEntry("play", "/clip/" + clip + "/download");
    }

    @Test
    void badQueriesAreProblemsThatNameTheField() {
        assertProblem(get("/search?query={q}", "   "), "query", "must not be empty");
        assertProblem(get("/search?query={q}", "x".repeat(10_240)), "query", "10240 characters");
        assertProblem(get("/search?query=rsi&top_k=0"), "top_k", "between 1 and 100");
        assertProblem(get("/search?query=rsi&top_k=10000"), "top_k", "is 10000");
        assertProblem(get("/search?query=rsi&type=videos"), "type", "'videos' is not a type");
        assertProblem(get("/search/videos?query=rsi"), "type", "'videos' is not a type");
        assertProblem(get("/search?query=rsi&mode=fuzzy"), "mode", "'fuzzy' is not a mode");
        assertProblem(post("/search", Map.of("query", "rsi", "top_k", 0)), "top_k", "between 1 and 100");
        assertProblem(post("/embed", Map.of("texts", java.util.Collections.nCopies(300, "rsi"))), "texts",
                "at most 256");
        assertProblem(post("/embed", Map.of("texts", List.of("rsi", " "))), "texts[1]", "must not be empty");
        assertProblem(post("/embed", Map.of("texts", java.util.Collections.nCopies(30, "x".repeat(4000)))), "texts",
                "at most 100000");
        assertProblem(get("/search?query=rsi&top_k=abc"), "top_k", "must be a number");
        assertProblem(post("/search", Map.of("query", "rsi", "media_id", "xyz")), "media_id", "wrong type");
        assertThat(get("/search?query=rsi&type=,").getStatusCode().value()).isEqualTo(400);
        ResponseEntity<Map<String, Object>> undecodable = http.get()
                .uri(java.net.URI.create("http://localhost:" + port + "/search?query=%FF%FE")).retrieve().toEntity(JSON);
        assertThat(undecodable.getStatusCode().value()).isEqualTo(400);
        assertThat((String) undecodable.getBody().get("detail")).contains("cannot be decoded");
    }

    @Test
    void aFilterMatchingOnePercentOfRowsStillFillsTheTopK() {
        Random random = new Random(7);
        UUID rare = UUID.randomUUID();
        for (int m = 0; m < 100; m++) {
            UUID media = m == 0 ? rare : UUID.randomUUID();
            synthetic.add(media);
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                rows.add(new Object[]{media, i, "synthetic passage " + m + "-" + i, embedder.modelName(),
                        new PGvector(randomUnitVector(random))});
            }
            jdbc.batchUpdate("""
                    INSERT INTO embeddings.passage (media_id, kind, seq, start_seconds, end_seconds, text, keywords,
                        categories, model, dimension, embedding)
                    VALUES (?, 'transcript', ?, 0, 30, ?, ARRAY['synthetic']::text[], ARRAY[]::text[], ?, 384, ?)""",
                    rows);
        }

        List<Map<String, Object>> hits = hits(get("/search?query={q}&media_id={m}&top_k=10&mode=vector",
                "an unrelated question about trading", rare).getBody());

        assertThat(hits).hasSize(10).allSatisfy(hit -> assertThat(hit).containsEntry("media_id", rare.toString()));
    }

    @Test
    void embedGivesUnitVectorsOfTheModelAndStatsCountWhatIsIndexed() {
        Map<String, Object> embedded = post("/embed", Map.of("texts", List.of("buy the dip", "sell the rip")))
                .getBody();

        assertThat(embedded).containsEntry("model", embedder.modelName()).containsEntry("dimension", 384);
        @SuppressWarnings("unchecked")
        List<List<Number>> vectors = (List<List<Number>>) embedded.get("vectors");
        assertThat(vectors).hasSize(2).allSatisfy(v -> {
            assertThat(v).hasSize(384);
            assertThat(Math.sqrt(v.stream().mapToDouble(x -> x.doubleValue() * x.doubleValue()).sum()))
                    .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
        });

        UUID media = store(Lesson.ofLines(List.of(new Line(0, 5, "Stats count this line."))));
        embed(media);
        Map<String, Object> stats = get("/stats").getBody();
        assertThat(stats).containsEntry("model", embedder.modelName());
        @SuppressWarnings("unchecked")
        Map<String, Number> byType = (Map<String, Number>) stats.get("passages_by_type");
        assertThat(byType.get("transcript").longValue()).isPositive();
        assertThat(((Number) stats.get("media_items")).longValue()).isPositive();
    }

    @Test
    void queryVectorsAreCachedInRedisAndSearchGoesOnWithoutIt() throws Exception {
        String query = "cache me " + UUID.randomUUID();
        assertThat(get("/search?query={q}&top_k=1", query).getStatusCode().value()).isEqualTo(200);
        try (Jedis redis = new Jedis(cacheProperties.host(), cacheProperties.port())) {
            assertThat(redis.keys("embeddings:query:" + embedder.modelName() + ":*")).isNotEmpty();
        }

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        QueryCacheProperties down = new QueryCacheProperties(true, "localhost", closedPort, Duration.ofMinutes(1),
                Duration.ofMillis(200), Duration.ofSeconds(30));
        QueryEmbeddings withoutRedis = new QueryEmbeddings(embedder, down, Clock.systemUTC());
        try {
            assertThat(withoutRedis.vectorFor(query)).isEqualTo(embedder.embed(query));
            assertThat(withoutRedis.check().status()).isEqualTo("unavailable");
            assertThat(new QueryCacheHealth(withoutRedis).health().getStatus()).isEqualTo(new Status("DEGRADED"));
        } finally {
            withoutRedis.destroy();
        }
        Map<String, Object> health = get("/actuator/health").getBody();
        assertThat(health).containsKey("components");
    }

    private static float[] randomUnitVector(Random random) {
        float[] v = new float[384];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    private ResponseEntity<Map<String, Object>> get(String uri, Object... variables) {
        return http.get().uri(uri, variables).retrieve().toEntity(JSON);
    }

    private ResponseEntity<Map<String, Object>> post(String uri, Object body) {
        return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JSON);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> hits(Map<String, Object> result) {
        return (List<Map<String, Object>>) result.get("hits");
    }

    private static void assertProblem(ResponseEntity<Map<String, Object>> response, String field, String reason) {
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("field", field);
        assertThat((String) response.getBody().get("detail")).contains(reason);
    }
}
