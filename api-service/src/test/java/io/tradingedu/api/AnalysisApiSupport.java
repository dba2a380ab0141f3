package io.tradingedu.api;

import io.tradingedu.api.search.EmbeddingsStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.client.RestClient;

/**
 * What the integration tests of the analysis endpoints share: one application context (against the local PostgreSQL
 * and Kafka) with its own media and ingest roots, the orchestrator's schema migrated exactly as the orchestrator
 * migrates it, catalogue items to hang rows on, and real media files made with ffmpeg.
 *
 * <p>The rows in the {@code analysis} tables are test setup: production code only reads the published views.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.structured.format.console=")
public abstract class AnalysisApiSupport {

    /** One directory for the whole JVM: the context is cached across test classes and keeps pointing at it. */
    protected static final Path BASE = createBase();

    private static boolean migrated;

    @DynamicPropertySource
    static void roots(DynamicPropertyRegistry registry) {
        registry.add("media.root", () -> BASE.resolve("media").toString());
        registry.add("media.ingest-root", () -> BASE.resolve("ingest").toString());
        registry.add("embeddings.url", () -> EmbeddingsStub.shared().url());
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
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

    /**
     * The analysis views belong to orchestrator-service, whose tests run after ours. Its migrations are applied with
     * its own Flyway settings (schemas pipeline and analysis, default schema pipeline, its migrations and the shared
     * messaging ones), so the history and checksums are the ones its own run finds, in whichever order both run.
     */
    private static synchronized void migrateOrchestratorSchema(DataSource dataSource) {
        if (migrated) {
            return;
        }
        Flyway.configure().dataSource(dataSource)
                .schemas("pipeline", "analysis").defaultSchema("pipeline")
                .locations("filesystem:" + orchestratorMigrations(), "classpath:db/support")
                .load().migrate();
        migrated = true;
    }

    private static Path orchestratorMigrations() {
        Path relative = Path.of("orchestrator-service", "src", "main", "resources", "db", "migration");
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException("cannot find " + relative + " above " + Path.of("").toAbsolutePath());
    }

    /** A media item in the catalogue (written directly: no MediaIngested, so no orchestrator starts a run for it). */
    protected UUID catalogued(String filename) throws IOException {
        UUID id = UUID.randomUUID();
        Path dir = Files.createDirectories(mediaDir(id));
        byte[] digest = new byte[32];
        new Random().nextBytes(digest);
        String sha256 = HexFormat.of().formatHex(digest);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                INSERT INTO media.media_item (id, external_video_id, filename, source, storage_path, sha256, size_bytes,
                    status, run_id, created_at, updated_at, version)
                VALUES (?, ?, ?, 'UPLOAD', ?, ?, 0, 'PROCESSING', ?, ?, ?, 0)""",
                id, "vid_" + sha256.substring(0, 16), filename, dir.resolve(filename).toString(), sha256,
                UUID.randomUUID(), now, now);
        return id;
    }

    protected UUID runOf(UUID mediaId) {
        return jdbc.queryForObject("SELECT run_id FROM media.media_item WHERE id = ?", UUID.class, mediaId);
    }

    protected static Path mediaDir(UUID mediaId) {
        return BASE.resolve("media").resolve(mediaId.toString());
    }

    /** A real JPEG (ffmpeg's test pattern). */
    protected static Path jpeg(Path target) throws Exception {
        return ffmpeg(target, "-f", "lavfi", "-i", "testsrc=size=320x180:rate=1", "-frames:v", "1");
    }

    /** A real two-second MP4 with video and audio. */
    protected static Path mp4(Path target) throws Exception {
        return ffmpeg(target, "-f", "lavfi", "-i", "testsrc=duration=2:size=160x120:rate=10", "-f", "lavfi", "-i",
                "sine=frequency=440:duration=2", "-pix_fmt", "yuv420p", "-shortest");
    }

    private static Path ffmpeg(Path target, String... input) throws Exception {
        Files.createDirectories(target.getParent());
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-nostdin"));
        command.addAll(List.of(input));
        command.add(target.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(BASE.resolve("ffmpeg.log").toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("ffmpeg did not finish within 60 s: " + command);
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(target)) {
            throw new IllegalStateException("ffmpeg failed (" + process.exitValue() + "): "
                    + Files.readString(BASE.resolve("ffmpeg.log")));
        }
        return target;
    }

    private static Path createBase() {
        try {
            Path base = Files.createTempDirectory("api-analysis-it").toRealPath();
            Files.createDirectories(base.resolve("media"));
            Files.createDirectories(base.resolve("ingest"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    FileSystemUtils.deleteRecursively(base);
                } catch (IOException ignored) {
                    // the temp directory is left for the OS to clean
                }
            }));
            return base;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
