package io.tradingedu.embeddings;

import static org.awaitility.Awaitility.await;

import io.tradingedu.shared.pipeline.EmbedMedia;
import io.tradingedu.shared.pipeline.PipelineMessage;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.PipelineStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

/**
 * What the embeddings service's integration tests share: one application context against the local PostgreSQL,
 * Kafka and Redis, the orchestrator's schema migrated exactly as the orchestrator migrates it (its views are this
 * service's input), lessons written into the analysis tables as stages 2–5 would, and stage 6 driven over Kafka.
 *
 * <p>The rows in the {@code analysis} tables are test setup: production code only reads the published views.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.structured.format.console=")
public abstract class EmbeddingsITSupport {

    private static boolean migrated;

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected KafkaTemplate<String, String> kafka;
    @Autowired
    private DataSource dataSource;
    /** The credential the tests call with (src/test/resources/config/application.yml). */
    @Value("${security.service-token}")
    protected String serviceToken;

    protected RestClient http;

    @BeforeEach
    void clientAndSchema() {
        migrateOrchestratorSchema(dataSource);
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + serviceToken)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    /** A lesson as stages 2–5 leave it. */
    public record Lesson(List<Line> lines, List<Screen> screens, List<Highlight> highlights, List<Mention> mentions) {

        public static Lesson ofLines(List<Line> lines) {
            return new Lesson(lines, List.of(), List.of(), List.of());
        }
    }

    public record Line(double start, double end, String text) {
    }

    public record Screen(UUID id, double time, String ocrText) {
    }

    public record Highlight(UUID id, double start, double end, List<String> keywords, String excerpt) {
    }

    public record Mention(String keyword, String category, double start, UUID frameId) {
    }

    /** Writes the lesson's analysis rows for a new media id and returns it. */
    protected UUID store(Lesson lesson) {
        return store(lesson, null);
    }

    /**
     * Writes the lesson's analysis rows for a new media id, and a catalogue row named {@code filename} (the lesson's
     * title, as a downloaded video is named) when one is given.
     */
    protected UUID store(Lesson lesson, String filename) {
        UUID media = UUID.randomUUID();
        if (filename != null) {
            String sha256 = (media.toString().replace("-", "") + media.toString().replace("-", "")).substring(0, 64);
            jdbc.update("""
                    INSERT INTO media.media_item (id, external_video_id, filename, source, storage_path, sha256,
                        size_bytes, status, created_at, updated_at, version)
                    VALUES (?, ?, ?, 'upload', ?, ?, 1, 'completed', now(), now(), 0)""",
                    media, media.toString(), filename, media + "/" + filename, sha256);
        }
        jdbc.update("""
                INSERT INTO analysis.transcript (media_id, run_id, source, language, duration_seconds, word_count,
                    mean_confidence, notes, created_at) VALUES (?, ?, 'sidecar', 'en', ?, ?, NULL, NULL, ?)""",
                media, UUID.randomUUID(), lesson.lines().isEmpty() ? 0 : lesson.lines().getLast().end(),
                lesson.lines().stream().mapToInt(l -> l.text().split("\\s+").length).sum(),
                Timestamp.from(Instant.now()));
        for (int i = 0; i < lesson.lines().size(); i++) {
            Line line = lesson.lines().get(i);
            jdbc.update("""
                    INSERT INTO analysis.transcript_segment (media_id, seq, start_seconds, end_seconds, text)
                    VALUES (?, ?, ?, ?, ?)""", media, i, line.start(), line.end(), line.text());
        }
        int seq = 0;
        for (Screen screen : lesson.screens()) {
            jdbc.update("""
                    INSERT INTO analysis.frame (id, media_id, seq, time_seconds, selection, image_path, width, height,
                        ocr_text, ocr_confidence, has_trading_text) VALUES (?, ?, ?, ?, 'scene', ?, 1280, 720, ?, 0.9,
                        true)""", screen.id(), media, seq++, screen.time(), "frames/" + seq + ".jpg", screen.ocrText());
        }
        seq = 0;
        for (Highlight clip : lesson.highlights()) {
            jdbc.update("""
                    INSERT INTO analysis.clip (id, media_id, seq, start_seconds, end_seconds, duration_seconds,
                        file_path, thumbnail_path, size_bytes, cut_mode, score, keywords, categories,
                        transcript_excerpt, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 1000, 'copy', 1.0, ?, ARRAY[]::text[], ?, now())""",
                    clip.id(), media, seq++, clip.start(), clip.end(), clip.end() - clip.start(),
                    "clips/" + seq + ".mp4", clip.keywords().toArray(String[]::new), clip.excerpt());
        }
        for (Mention mention : lesson.mentions()) {
            jdbc.update("""
                    INSERT INTO analysis.keyword_hit (id, media_id, keyword, category, matched_text, start_seconds,
                        end_seconds, confidence, context, source, frame_id, lexicon_version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 1.0, '', ?, ?, 'test')""", UUID.randomUUID(), media,
                    mention.keyword(), mention.category(), mention.keyword(), mention.start(), mention.start() + 0.5,
                    mention.frameId() == null ? "subtitle" : "ocr", mention.frameId());
        }
        return media;
    }

    /** Sends stage 6's command for the media item and waits for its one outcome. */
    protected PipelineMessage embed(UUID media) {
        EmbedMedia command = EmbedMedia.of(UUID.randomUUID(), media, 1);
        send(command);
        return awaitOutcome(command);
    }

    protected void send(EmbedMedia command) {
        kafka.send(PipelineStage.EMBEDDINGS.commandsTopic(), command.mediaId().toString(),
                PipelineMessages.toJson(command)).join();
    }

    protected PipelineMessage awaitOutcome(EmbedMedia command) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> outcomes(command), list -> !list.isEmpty())
                .getFirst();
    }

    protected List<PipelineMessage> outcomes(EmbedMedia command) {
        return new ArrayList<>(jdbc.queryForList(
                        "SELECT payload FROM embeddings.outbox_message WHERE topic = ? AND payload LIKE ?", String.class,
                        PipelineStage.EMBEDDINGS.eventsTopic(), "%" + command.runId() + "%")
                .stream().map(PipelineMessages::fromJson).toList());
    }

    /**
     * The views this service reads belong to orchestrator-service and api-service. Their migrations are applied with
     * their own Flyway settings (schemas, default schema, their migrations and the shared messaging ones), so the
     * history and checksums are the ones their own runs find, in whichever order the modules' tests run.
     */
    private static synchronized void migrateOrchestratorSchema(DataSource dataSource) {
        if (migrated) {
            return;
        }
        migrate(dataSource, "orchestrator-service", "pipeline", "pipeline", "analysis");
        migrate(dataSource, "api-service", "media", "media");
        migrated = true;
    }

    private static void migrate(DataSource dataSource, String service, String defaultSchema, String... schemas) {
        Flyway.configure().dataSource(dataSource)
                .schemas(schemas).defaultSchema(defaultSchema)
                .locations("filesystem:" + migrations(service), "classpath:db/support")
                .load().migrate();
    }

    private static Path migrations(String service) {
        Path relative = Path.of(service, "src", "main", "resources", "db", "migration");
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException("cannot find " + relative + " above " + Path.of("").toAbsolutePath());
    }
}
