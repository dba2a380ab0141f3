package io.tradingedu.api.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/** The public media API against the local PostgreSQL and Kafka, through a real HTTP server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.servlet.multipart.max-file-size=1MB", "spring.servlet.multipart.max-request-size=1MB",
                "logging.structured.format.console="})
class MediaApiIT {

    @TempDir
    static Path base;

    @DynamicPropertySource
    static void roots(DynamicPropertyRegistry registry) {
        TestSetup.mediaRoots(registry, base);
    }

    @LocalServerPort
    int port;
    @Value("${security.service-token}")
    String serviceToken;
    @Autowired
    JdbcTemplate jdbc;

    RestClient http;

    @BeforeEach
    void client() {
        http = TestSetup.http(port, serviceToken);
    }

    @Test
    void ingestOfAFileInTheRootAnswers202WithItemAndRun() throws Exception {
        Files.write(ingestRoot().resolve("lesson-a.mp4"), randomBytes(2_000, 1));

        ResponseEntity<Map> answer = ingest("lesson-a.mp4");

        assertThat(answer.getStatusCode().value()).isEqualTo(202);
        assertThat(answer.getHeaders().getLocation()).isNotNull();
        Map<?, ?> body = answer.getBody();
        assertThat(body.get("source")).isEqualTo("path");
        assertThat(body.get("status")).isEqualTo("pending");
        assertThat(((Map<?, ?>) body.get("run")).get("id")).isEqualTo(body.get("run_id"));
        assertThat(Files.exists(base.resolve("media").resolve((String) body.get("id")).resolve("lesson-a.mp4"))).isTrue();
        assertThat(outboxMessagesFor((String) body.get("id"))).isEqualTo(1);
    }

    @Test
    void pathOutsideTheIngestRootIs400() throws Exception {
        Path outside = Files.write(base.resolve("secret.mp4"), randomBytes(100, 2));

        assertProblem(ingest(outside.toString()), 400, "must lie inside the ingest root");
        assertProblem(ingest("../secret.mp4"), 400, "must not contain '..'");
    }

    @Test
    void symlinkLeadingOutOfTheRootIs400() throws Exception {
        Path outside = Files.write(base.resolve("elsewhere.mp4"), randomBytes(100, 3));
        Files.createSymbolicLink(ingestRoot().resolve("link.mp4"), outside);

        // the same answer as for a missing file: the API does not tell what exists outside the root
        assertProblem(ingest("link.mp4"), 400, "no such file: link.mp4");
    }

    @Test
    void directoriesAndMissingFilesAre400() throws Exception {
        Files.createDirectories(ingestRoot().resolve("folder"));

        assertProblem(ingest("folder"), 400, "is a directory");
        assertProblem(ingest("nope.mp4"), 400, "no such file");
    }

    @Test
    void uploadOverTheLimitIs413() {
        ResponseEntity<Map> answer = upload("big.mp4", randomBytes(1_200_000, 4));

        assertThat(answer.getStatusCode().value()).isEqualTo(413);
        assertThat(answer.getHeaders().getContentType().toString()).contains("problem+json");
    }

    @Test
    void sameUploadTwiceGivesOneItem() {
        byte[] content = randomBytes(50_000, 5);

        ResponseEntity<Map> first = upload("twice.mp4", content);
        ResponseEntity<Map> second = upload("twice-again.mp4", content);

        assertThat(first.getStatusCode().value()).isEqualTo(202);
        assertThat(second.getStatusCode().value()).isEqualTo(200);
        assertThat(second.getBody().get("id")).isEqualTo(first.getBody().get("id"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM media_item WHERE sha256 = ?", Integer.class,
                first.getBody().get("sha256"))).isEqualTo(1);
        assertThat(first.getBody().get("size_bytes")).isEqualTo(50_000);
    }

    @Test
    void listPagesWithTotalAndFiltersByStatus() {
        upload("list-1.mp4", randomBytes(1_000, 6));
        upload("list-2.mp4", randomBytes(1_000, 7));

        Map<?, ?> page = http.get().uri("/media_items?skip=0&limit=1&status=pending").retrieve().body(Map.class);

        assertThat((Integer) page.get("total")).isGreaterThanOrEqualTo(2);
        assertThat((java.util.List<?>) page.get("items")).hasSize(1);
        assertProblem(http.get().uri("/media_items?status=sleeping").retrieve().toEntity(Map.class), 400,
                "status must be one of");
    }

    @Test
    void theTextFilterMatchesAWordOfTheNameInAnyCaseLiterallyWithItsTotal() {
        String word = "Zq" + UUID.randomUUID().toString().substring(0, 8);
        upload(word + " RSI divergence.mp4", randomBytes(1_000, 11));
        upload("moving averages " + word.toLowerCase(Locale.ROOT) + ".mp4", randomBytes(1_000, 12));
        upload(word + "_50_rule.mp4", randomBytes(1_000, 13));
        upload(word + "X50Yrule.mp4", randomBytes(1_000, 14));

        assertThat(names(page(word.toUpperCase(Locale.ROOT), null, 20))).hasSize(4);
        Map<?, ?> divergence = page(word + " rsi DIVERGENCE", null, 20);
        assertThat(divergence.get("total")).isEqualTo(1);
        assertThat(names(divergence)).containsExactly(word + " RSI divergence.mp4");
        // %, _ and \ are characters of the name, never wildcards or escapes
        assertThat(names(page(word + "_50_", null, 20))).containsExactly(word + "_50_rule.mp4");
        assertThat(names(page(word + "%rule", null, 20))).isEmpty();
        assertThat(names(page(word + "\\", null, 20))).isEmpty();
        // with the status filter both hold; the total counts the matches, not the catalogue
        Map<?, ?> pending = page(word, "pending", 1);
        assertThat(pending.get("total")).isEqualTo(4);
        assertThat(names(pending)).containsExactly(word + "X50Yrule.mp4");
        assertThat(page(word, "completed", 20).get("total")).isEqualTo(0);
        assertThat(page("   ", null, 20).get("total")).isEqualTo(page(null, null, 20).get("total"));
    }

    @Test
    void anOverlongTextFilterIsA400NamingTheParameter() {
        ResponseEntity<Map> answer = http.get().uri("/media_items?q={q}", "x".repeat(201)).retrieve()
                .toEntity(Map.class);

        assertProblem(answer, 400, "at most 200 characters");
        assertThat(answer.getBody().get("field")).isEqualTo("q");
        assertThat(http.get().uri("/media_items?q={q}", "x".repeat(200)).retrieve().toEntity(Map.class)
                .getStatusCode().value()).isEqualTo(200);
    }

    private Map<?, ?> page(String q, String status, int limit) {
        ResponseEntity<Map> answer = http.get().uri(uri -> uri.path("/media_items").queryParamIfPresent("q",
                        java.util.Optional.ofNullable(q)).queryParamIfPresent("status",
                        java.util.Optional.ofNullable(status)).queryParam("limit", limit).build())
                .retrieve().toEntity(Map.class);
        assertThat(answer.getStatusCode().value()).as(q).isEqualTo(200);
        return answer.getBody();
    }

    private static List<String> names(Map<?, ?> page) {
        return ((List<Map<?, ?>>) page.get("items")).stream().map(item -> (String) item.get("filename")).toList();
    }

    @Test
    void unknownItemIs404Problem() {
        assertProblem(http.get().uri("/media_items/" + UUID.randomUUID()).retrieve().toEntity(Map.class), 404,
                "no media item");
    }

    @Test
    void deletingAnItemWithAnActiveRunNeedsForce() {
        String id = (String) upload("delete-me.mp4", randomBytes(3_000, 8)).getBody().get("id");

        assertProblem(http.delete().uri("/media_items/" + id).retrieve().toEntity(Map.class), 409, "force=true");
        assertThat(http.delete().uri("/media_items/" + id + "?force=true").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(204);

        assertThat(Files.exists(base.resolve("media").resolve(id))).isFalse();
        assertThat(http.get().uri("/media_items/" + id).retrieve().toEntity(Map.class).getStatusCode().value())
                .isEqualTo(404);
    }

    private ResponseEntity<Map> ingest(String path) {
        return http.post().uri("/ingest").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("video_path", path)).retrieve().toEntity(Map.class);
    }

    private ResponseEntity<Map> upload(String filename, byte[] content) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        return http.post().uri("/media_items").contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve()
                .toEntity(Map.class);
    }

    private static void assertProblem(ResponseEntity<Map> answer, int status, String detail) {
        assertThat(answer.getStatusCode().value()).isEqualTo(status);
        assertThat(answer.getBody().get("status")).isEqualTo(status);
        assertThat((String) answer.getBody().get("detail")).contains(detail);
        assertThat((String) answer.getBody().get("type")).startsWith("https://tradingedu.io/problems/");
    }

    private Path ingestRoot() {
        return base.resolve("ingest");
    }

    private int outboxMessagesFor(String mediaId) {
        return jdbc.queryForObject("SELECT count(*) FROM outbox_message WHERE message_key = ? AND topic = ?",
                Integer.class, mediaId, "media.events.v1");
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed ^ System.nanoTime()).nextBytes(bytes);
        return bytes;
    }
}
