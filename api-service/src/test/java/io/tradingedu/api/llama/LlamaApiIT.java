package io.tradingedu.api.llama;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The /llama endpoints against the local PostgreSQL (rows in the analysis views, written as test setup) with stub
 * orchestrator-, backtesting- and embeddings-services: what each endpoint builds, what it asks the services, and
 * how their refusals and absence reach the client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.structured.format.console=")
class LlamaApiIT {

    static final ServiceStub ORCHESTRATOR = new ServiceStub();
    static final ServiceStub BACKTESTING = new ServiceStub();
    static final ServiceStub EMBEDDINGS = new ServiceStub();
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static boolean migrated;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws Exception {
        Path base = Files.createTempDirectory("llama-it");
        registry.add("media.root", () -> base.resolve("media").toString());
        registry.add("media.ingest-root", () -> base.resolve("ingest").toString());
        registry.add("orchestrator.url", ORCHESTRATOR::url);
        registry.add("embeddings.url", EMBEDDINGS::url);
        registry.add("llama.backtesting-url", BACKTESTING::url);
        registry.add("llama.backtesting-public-url", () -> "https://example.org/backtest");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Value("${security.service-token}")
    String serviceToken;

    RestClient http;
    /** A term no other test's rows use, so filters see only this test's rows in the shared database. */
    String term;

    @BeforeEach
    void setUp() {
        migrateAnalysisViews(dataSource);
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + serviceToken)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
        ORCHESTRATOR.reset();
        BACKTESTING.reset();
        EMBEDDINGS.reset();
        term = "Kelt" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
    }

    /**
     * The analysis and strategies views with the orchestrator's own Flyway settings, so the history is the one its
     * own run finds; a version another copy of the orchestrator already applied is not an error here.
     */
    private static synchronized void migrateAnalysisViews(DataSource dataSource) {
        if (migrated) {
            return;
        }
        Path relative = Path.of("orchestrator-service", "src", "main", "resources", "db", "migration");
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve(relative))) {
            dir = dir.getParent();
        }
        Flyway.configure().dataSource(dataSource).schemas("pipeline", "analysis").defaultSchema("pipeline")
                .locations("filesystem:" + dir.resolve(relative), "classpath:db/support")
                .ignoreMigrationPatterns("*:missing", "*:future", "*:ignored").load().migrate();
        migrated = true;
    }

    // ---- examples ---------------------------------------------------------------------------------------------

    @Test
    void examplesOfEveryKindComeFromTheLessonsRowsWithTheirSource() {
        UUID media = lesson();

        JsonNode answer = get("/llama/examples?keyword={k}&top_k=10", term);

        assertThat(answer.path("count").asInt()).isEqualTo(answer.path("items").size());
        List<JsonNode> items = list(answer.path("items"));
        JsonNode concept = ofKind(items, "concept");
        assertThat(concept.path("instruction").asString())
                .isEqualTo("Write the entry condition the teacher states as a rule in the strategy language.");
        assertThat(concept.path("input").asString()).isEqualTo("buy when the two period " + term + " closes under five");
        assertThat(concept.path("response").asString()).isEqualTo("RSI(2) < 5");
        assertThat(concept.path("source").path("media_id").asString()).isEqualTo(media.toString());
        assertThat(concept.path("source").path("start_seconds").asDouble()).isEqualTo(20.0);
        assertThat(concept.path("source").path("play").asString())
                .isEqualTo("http://localhost:" + port + "/media_items/" + media + "/video#t=20.0");
        assertThat(concept.has("embedding")).isFalse();

        JsonNode transcript = ofKind(items, "transcript");
        assertThat(transcript.path("instruction").asString()).isEqualTo("What does the lesson say about " + term + "?");
        assertThat(transcript.path("input").asString()).contains("buy when the two period " + term + " closes under five");
        assertThat(transcript.path("response").asString()).isEqualTo("The teacher states: \"buy when the two period "
                + term + " closes under five\"\nIn the strategy language: RSI(2) < 5");
        assertThat(transcript.path("source").path("keyword").asString()).isEqualTo(term);

        JsonNode keywords = ofKind(items, "keywords");
        assertThat(keywords.path("input").asString()).isEqualTo("much later we talk about the " + term
                + " and the stop loss again");
        assertThat(keywords.path("response").asString()).isEqualTo(term + " (technical_indicator), stop loss "
                + "(risk_management)");
        assertThat(keywords.path("source").path("start_seconds").asDouble()).isEqualTo(300.0);
    }

    @Test
    void aCandidateStrategyBecomesItsCompactTextGroundedInItsEvidence() {
        UUID media = UUID.randomUUID();
        UUID strategy = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO strategies.strategy (id, media_id, run_id, key, name, source, definition, text_form, assumed,
                    evidence, tuning, created_at)
                VALUES (?, ?, ?, 's1', 'pullback', 'rules', '{}'::jsonb, ?, '[]'::jsonb, ?::jsonb, '[]'::jsonb, now())""",
                strategy, media, UUID.randomUUID(), "entry: RSI(2) < 5\nexit: close > SMA(5)",
                "[{\"quote\":\"the two period " + term + " closes under five\",\"start_seconds\":75.0,"
                        + "\"end_seconds\":80.0}]");

        JsonNode example = ofKind(list(get("/llama/examples?keyword={k}&kind=strategy", term).path("items")),
                "strategy");

        assertThat(example.path("input").asString()).isEqualTo("[1:15] the two period " + term + " closes under five");
        assertThat(example.path("response").asString()).isEqualTo("entry: RSI(2) < 5\nexit: close > SMA(5)");
        assertThat(example.path("source").path("id").asString()).isEqualTo(strategy.toString());
        assertThat(example.path("source").path("start_seconds").asDouble()).isEqualTo(75.0);
    }

    @Test
    void categoryAndKindNarrowTheExamplesAndTopKBoundsThem() {
        lesson();

        List<JsonNode> indicators = list(get("/llama/examples?keyword={k}&category=technical_indicator", term)
                .path("items"));
        List<JsonNode> risk = list(get("/llama/examples?keyword={k}&category=risk_management", term).path("items"));
        List<JsonNode> concepts = list(get("/llama/examples?keyword={k}&kind=concept,concept", term).path("items"));
        List<JsonNode> one = list(get("/llama/examples?keyword={k}&top_k=1", term).path("items"));

        assertThat(indicators).extracting(e -> e.path("source").path("kind").asString())
                .containsExactlyInAnyOrder("concept", "transcript", "keywords");
        // the term is never spoken as a risk-management keyword, and the rule about it has none nearby
        assertThat(risk).isEmpty();
        assertThat(concepts).extracting(e -> e.path("source").path("kind").asString()).containsExactly("concept");
        assertThat(one).hasSize(1);
    }

    @Test
    void theJsonlExportStreamsOneExamplePerLineWithEmbeddingsWhenAsked() throws Exception {
        lesson();
        EMBEDDINGS.json("/embed", 200, "{\"model\":\"all-minilm-l6-v2-q\",\"dimension\":3,\"vectors\":"
                + "[[0.1,0.2,0.3],[0.4,0.5,0.6],[0.7,0.8,0.9]]}");

        ResponseEntity<String> export = http.get().uri("/llama/examples.jsonl?keyword={k}&include_embeddings=true",
                term).retrieve().toEntity(String.class);

        assertThat(export.getStatusCode().value()).isEqualTo(200);
        assertThat(export.getHeaders().getContentType().toString()).isEqualTo("application/jsonl");
        List<String> lines = export.getBody().lines().toList();
        assertThat(lines).hasSize(3);
        JsonNode first = JSON.readTree(lines.getFirst());
        assertThat(first.path("embedding").size()).isEqualTo(3);
        assertThat(first.path("embedding").get(0).asDouble()).isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-6));
        JsonNode embedBody = JSON.readTree(EMBEDDINGS.requests("/embed").getFirst().body());
        assertThat(embedBody.path("texts").size()).isEqualTo(3);
        assertThat(embedBody.path("texts").get(0).asString()).startsWith(first.path("instruction").asString());
        assertThat(http.get().uri("/llama/examples?keyword={k}&format=jsonl", term).retrieve().toEntity(String.class)
                .getBody().lines().count()).isEqualTo(3);
    }

    @Test
    void examplesOutOfBoundsAre400NamingTheField() {
        assertBad("/llama/examples?top_k=101", "top_k");
        assertBad("/llama/examples?top_k=0", "top_k");
        assertBad("/llama/examples?category=vibes", "category");
        assertBad("/llama/examples?kind=poems", "kind");
        assertBad("/llama/examples?format=xml", "format");
        assertBad("/llama/examples?format=jsonl&top_k=2001", "top_k");
        assertBad("/llama/examples?keyword=" + "x".repeat(201), "keyword");
        assertBad("/llama/examples.jsonl?top_k=2001", "top_k");
        assertBad("/llama/examples.jsonl?top_k=501&include_embeddings=true", "top_k");
        assertThat(EMBEDDINGS.requests()).isEmpty();
    }

    @Test
    void embeddingsAskedForWhileEmbeddingsServiceIsDownIs503NamingIt() {
        lesson();
        EMBEDDINGS.stop();
        try {
            ResponseEntity<String> answer = http.get().uri("/llama/examples?keyword={k}&include_embeddings=true",
                    term).retrieve().toEntity(String.class);

            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(JSON.readTree(answer.getBody()).path("type").asString())
                    .isEqualTo("https://tradingedu.io/problems/embeddings-unavailable");
        } finally {
            EMBEDDINGS.start();
        }
    }

    // ---- summarize --------------------------------------------------------------------------------------------

    @Test
    void anLlmSummaryCitesTheRetrievedPassagesWhichComeBackWithPlayLinks() throws Exception {
        UUID media = UUID.randomUUID();
        EMBEDDINGS.json("/search", 200, hits(media));
        ORCHESTRATOR.json("/llama/summaries", 200, """
                {"method":"llm","summary":"Buy when RSI(2) closes under 5 [2].","model":"llama3.1:8b","cited":[2],
                 "notes":["1 sentence(s) of the LLM's reply cited no passage and were dropped"]}""");

        JsonNode answer = get("/llama/summarize/{k}?top_k=3", "RSI");

        assertThat(answer.path("method").asString()).isEqualTo("llm");
        assertThat(answer.path("model").asString()).isEqualTo("llama3.1:8b");
        assertThat(answer.path("summary").asString()).isEqualTo("Buy when RSI(2) closes under 5 [2].");
        List<JsonNode> citations = list(answer.path("citations"));
        assertThat(citations).extracting(c -> c.path("n").asInt()).containsExactly(1, 2);
        assertThat(citations).extracting(c -> c.path("cited").asBoolean()).containsExactly(false, true);
        assertThat(citations.get(1).path("play").asString())
                .isEqualTo("http://localhost:" + port + "/media_items/" + media + "/video#t=71.5");
        assertThat(citations.get(1).path("media_id").asString()).isEqualTo(media.toString());
        assertThat(list(answer.path("notes"))).extracting(JsonNode::asString)
                .contains("1 sentence(s) of the LLM's reply cited no passage and were dropped");
        assertThat(EMBEDDINGS.requests("/search").getFirst().rawQuery()).contains("query=RSI").contains("top_k=3")
                .contains("type=transcript").contains("mode=hybrid");
        // both services are asked with the suite's service token
        assertThat(EMBEDDINGS.requests("/search").getFirst().authorization()).isEqualTo("Bearer " + serviceToken);
        assertThat(ORCHESTRATOR.requests("/llama/summaries").getFirst().authorization())
                .isEqualTo("Bearer " + serviceToken);
        JsonNode asked = JSON.readTree(ORCHESTRATOR.requests("/llama/summaries").getFirst().body());
        assertThat(asked.path("keyword").asString()).isEqualTo("RSI");
        assertThat(asked.path("passages").size()).isEqualTo(2);
        assertThat(asked.path("passages").get(1).path("start_seconds").asDouble()).isEqualTo(71.5);
        assertThat(asked.path("passages").get(1).path("media_id").asString()).isEqualTo(media.toString());
    }

    @Test
    void withoutAnLlmTheSummaryIsExtractiveFromThePassagesSentences() {
        EMBEDDINGS.json("/search", 200, hits(UUID.randomUUID()));
        ORCHESTRATOR.json("/llama/summaries", 200,
                "{\"method\":\"none\",\"summary\":null,\"cited\":[],\"notes\":[\"no LLM is configured\"]}");

        JsonNode answer = get("/llama/summarize/{k}", "RSI");

        assertThat(answer.path("method").asString()).isEqualTo("extractive");
        assertThat(answer.path("summary").asString()).isEqualTo("If the 2-period RSI closes under 5 you buy at the "
                + "close. [2] The RSI measures momentum between 0 and 100. [1]");
        assertThat(list(answer.path("notes"))).extracting(JsonNode::asString).contains("no LLM is configured");
    }

    @Test
    void aDownOrchestratorStillGivesTheExtractiveSummaryButADownEmbeddingsServiceIs503() throws Exception {
        EMBEDDINGS.json("/search", 200, hits(UUID.randomUUID()));
        ORCHESTRATOR.stop();
        try {
            JsonNode answer = get("/llama/summarize/{k}", "RSI");
            assertThat(answer.path("method").asString()).isEqualTo("extractive");
            assertThat(list(answer.path("notes"))).extracting(JsonNode::asString).anySatisfy(n -> assertThat(n)
                    .startsWith("no LLM summary: orchestrator-service cannot be reached: "));
        } finally {
            ORCHESTRATOR.start();
        }
        EMBEDDINGS.stop();
        try {
            ResponseEntity<String> down = http.get().uri("/llama/summarize/RSI").retrieve().toEntity(String.class);
            assertThat(down.getStatusCode().value()).isEqualTo(503);
            assertThat(JSON.readTree(down.getBody()).path("detail").asString())
                    .startsWith("embeddings-service cannot be reached: ");
        } finally {
            EMBEDDINGS.start();
        }
        assertBad("/llama/summarize/RSI?top_k=21", "top_k");
    }

    // ---- generate-strategy ------------------------------------------------------------------------------------

    static final String GENERATED = """
            {"strategy":{"version":1,"name":"golden cross","entry":{"type":"cross","left":{"indicator":"SMA",
              "params":{"period":50}},"direction":"above","right":{"indicator":"SMA","params":{"period":200}}}},
             "text":"entry: SMA(50) crosses above SMA(200)\\nexit: SMA(50) crosses below SMA(200)",
             "source":"rules","assumed":[{"field":"sizing","value":"100%","reason":"not stated"}],
             "evidence":[{"quote":"buy when the 50-day crosses above the 200-day","media_id":"%s",
               "start_seconds":12.5,"end_seconds":18.0}],
             "notes":["no LLM is configured; rule synthesis"]}""";

    @Test
    void aGeneratedStrategyIsBacktestedOnTheDefaultDatasetWithItsOutOfSampleMetrics() throws Exception {
        UUID media = UUID.randomUUID();
        UUID backtest = UUID.randomUUID();
        ORCHESTRATOR.json("/strategies/generate", 200, GENERATED.replace("%s", media.toString()));
        BACKTESTING.json("/backtest", 201, """
                {"id":"%s","kind":"BACKTEST","status":"COMPLETED","metrics":{"periods":[
                  {"label":"in_sample","metrics":{"sharpe":0.61,"total_return":0.42,"trades":9}},
                  {"label":"out_of_sample","metrics":{"sharpe":0.35,"total_return":0.08,"trades":3}}]}}"""
                .formatted(backtest));

        ResponseEntity<String> answer = post("""
                {"text":"Buy when the 50-day moving average crosses above the 200-day and sell when it crosses back below",
                 "temperature":0.3,"backtest":true}""");

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.getBody());
        assertThat(body.path("text").asString()).startsWith("entry: SMA(50) crosses above SMA(200)");
        assertThat(body.path("source").asString()).isEqualTo("rules");
        assertThat(body.path("evidence").get(0).path("play").asString())
                .isEqualTo("http://localhost:" + port + "/media_items/" + media + "/video#t=12.5");
        JsonNode tested = body.path("backtest");
        assertThat(tested.path("id").asString()).isEqualTo(backtest.toString());
        assertThat(tested.path("symbol").asString()).isEqualTo("SPX");
        assertThat(tested.path("timeframe").asString()).isEqualTo("1d");
        assertThat(tested.path("out_of_sample").path("sharpe").asDouble()).isEqualTo(0.35);
        assertThat(tested.path("link").asString()).isEqualTo("https://example.org/backtest/backtest/" + backtest);
        assertThat(tested.path("metrics_link").asString()).endsWith("/backtest/" + backtest + "/metrics");

        assertThat(BACKTESTING.requests().getFirst().authorization()).isEqualTo("Bearer " + serviceToken);
        JsonNode asked = JSON.readTree(ORCHESTRATOR.requests("/strategies/generate").getFirst().body());
        assertThat(asked.path("text").asString()).startsWith("Buy when the 50-day");
        assertThat(asked.path("top_k").asInt()).isEqualTo(5);
        assertThat(asked.path("temperature").asDouble()).isEqualTo(0.3);
        JsonNode run = JSON.readTree(BACKTESTING.requests("/backtest").getFirst().body());
        assertThat(run.path("strategy")).isEqualTo(JSON.readTree(GENERATED.replace("%s", media.toString()))
                .path("strategy"));
        assertThat(run.path("symbol").asString()).isEqualTo("SPX");
        assertThat(run.path("timeframe").asString()).isEqualTo("1d");
        assertThat(run.path("plan").path("mode").asString()).isEqualTo("split");
        assertThat(run.path("plan").path("in_sample_fraction").asDouble()).isEqualTo(0.7);
    }

    @Test
    void withoutBacktestOnlyTheOrchestratorIsAskedAndItsRefusalsComeBackAsTheyWere() throws Exception {
        ORCHESTRATOR.json("/strategies/generate", 200, GENERATED.replace("%s", UUID.randomUUID().toString()));
        ResponseEntity<String> plain = post("{\"keyword\":\"golden cross\",\"top_k\":3}");
        assertThat(plain.getStatusCode().value()).isEqualTo(200);
        assertThat(JSON.readTree(plain.getBody()).path("backtest").isNull()
                || JSON.readTree(plain.getBody()).path("backtest").isMissingNode()).isTrue();
        assertThat(BACKTESTING.requests()).isEmpty();

        ORCHESTRATOR.problem("/strategies/generate", 422, """
                {"type":"https://tradingedu.io/problems/no-strategy","title":"Nothing tradable","status":422,
                 "detail":"no entry condition was taught: only chart patterns"}""");
        ResponseEntity<String> nothing = post("{\"text\":\"head and shoulders look nice\"}");
        assertThat(nothing.getStatusCode().value()).isEqualTo(422);
        JsonNode problem = JSON.readTree(nothing.getBody());
        assertThat(problem.path("type").asString()).isEqualTo("https://tradingedu.io/problems/no-strategy");
        assertThat(problem.path("detail").asString()).isEqualTo("no entry condition was taught: only chart patterns");
    }

    @Test
    void aDownOrchestratorOrBacktestingServiceIs503NamingIt() throws Exception {
        ORCHESTRATOR.stop();
        try {
            ResponseEntity<String> answer = post("{\"keyword\":\"RSI\"}");
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            JsonNode problem = JSON.readTree(answer.getBody());
            assertThat(problem.path("type").asString())
                    .isEqualTo("https://tradingedu.io/problems/orchestrator-unavailable");
            assertThat(problem.path("detail").asString()).startsWith("orchestrator-service cannot be reached: ");
        } finally {
            ORCHESTRATOR.start();
        }
        ORCHESTRATOR.json("/strategies/generate", 200, GENERATED.replace("%s", UUID.randomUUID().toString()));
        BACKTESTING.stop();
        try {
            ResponseEntity<String> answer = post("{\"keyword\":\"RSI\",\"backtest\":true}");
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(JSON.readTree(answer.getBody()).path("detail").asString())
                    .startsWith("backtesting-service cannot be reached: ");
        } finally {
            BACKTESTING.start();
        }
    }

    @Test
    void generationRequestsOutOfBoundsAre400NamingTheFieldAndReachNoService() {
        assertBadPost("{}", "keyword");
        assertBadPost("{\"keyword\":\"RSI\",\"text\":\"buy\"}", "text");
        assertBadPost("{\"text\":\"" + "x".repeat(20_001) + "\"}", "text");
        assertBadPost("{\"keyword\":\"RSI\",\"top_k\":21}", "top_k");
        assertBadPost("{\"keyword\":\"RSI\",\"top_k\":2.5}", "top_k");
        assertBadPost("{\"keyword\":\"" + "k".repeat(101) + "\"}", "keyword");
        assertBadPost("{\"keyword\":\"RSI\",\"temperature\":2.5}", "temperature");
        assertBadPost("{\"keyword\":\"RSI\",\"dataset\":{\"symbol\":\"S P X\"}}", "dataset.symbol");
        assertBadPost("{\"keyword\":\"RSI\",\"dataset\":{\"timeframe\":\"daily\"}}", "dataset.timeframe");
        assertBadPost("{\"keyword\":\"RSI\",\"dataset\":{\"start\":\"last year\"}}", "dataset.start");
        assertBadPost("{\"keyword\":\"RSI\",\"dataset\":{\"in_sample_fraction\":1}}", "dataset.in_sample_fraction");
        assertThat(ORCHESTRATOR.requests()).isEmpty();
        assertThat(BACKTESTING.requests()).isEmpty();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /**
     * A lesson: transcript segments at 18–26 s (a rule about the term) and 300–306 s (the term and a stop loss, no
     * concept), keyword hits in both, a concept for the rule.
     */
    private UUID lesson() {
        UUID media = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                INSERT INTO analysis.transcript (media_id, run_id, source, language, duration_seconds, word_count,
                    mean_confidence, created_at) VALUES (?, ?, 'pocketsphinx', 'en', 400, 40, 0.9, ?)""",
                media, UUID.randomUUID(), now);
        segment(media, 1, 10, 18, "today we look at momentum");
        segment(media, 2, 18, 26, "buy when the two period " + term + " closes under five");
        segment(media, 3, 300, 306, "much later we talk about the " + term + " and the stop loss again");
        hit(media, term, "technical_indicator", 21, 22);
        hit(media, term, "technical_indicator", 301, 302);
        hit(media, "stop loss", "risk_management", 304, 305);
        jdbc.update("""
                INSERT INTO analysis.concept (id, media_id, seq, kind, name, details, text_form, start_seconds,
                    end_seconds, quote, confidence, source)
                VALUES (?, ?, 1, 'condition', 'below', ?::jsonb, 'RSI(2) < 5', 20, 26, ?, 0.9, 'transcript')""",
                UUID.randomUUID(), media, "{\"role\":\"entry\",\"condition\":{}}",
                "buy when the two period " + term + " closes under five");
        return media;
    }

    private void segment(UUID media, int seq, double start, double end, String text) {
        jdbc.update("INSERT INTO analysis.transcript_segment (media_id, seq, start_seconds, end_seconds, text) "
                + "VALUES (?, ?, ?, ?, ?)", media, seq, start, end, text);
    }

    private void hit(UUID media, String keyword, String category, double start, double end) {
        jdbc.update("""
                INSERT INTO analysis.keyword_hit (id, media_id, keyword, category, matched_text, start_seconds,
                    end_seconds, confidence, context, source, lexicon_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0.9, ?, 'transcript', 'test')""",
                UUID.randomUUID(), media, keyword, category, keyword.toLowerCase(Locale.ROOT), start, end, keyword);
    }

    private static String hits(UUID media) {
        return """
                {"query":"RSI","mode":"hybrid","model":"m","hits":[
                  {"type":"transcript","media_id":"%s","start_seconds":62.0,"end_seconds":71.5,
                   "text":"The RSI measures momentum between 0 and 100. Nice weather today, by the way.",
                   "keywords":["RSI"],"score":0.03,"similarity":0.6,"play":"/media_items/%s/video#t=62.0"},
                  {"type":"transcript","media_id":"%s","start_seconds":71.5,"end_seconds":80.0,
                   "text":"If the 2-period RSI closes under 5 you buy at the close. The RSI measures momentum between 0 and 100 indeed.",
                   "keywords":["RSI"],"score":0.02,"similarity":0.5,"play":"/media_items/%s/video#t=71.5"}]}"""
                .formatted(media, media, media, media);
    }

    private JsonNode get(String uri, Object... variables) {
        ResponseEntity<String> answer = http.get().uri(uri, variables).retrieve().toEntity(String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return JSON.readTree(answer.getBody());
    }

    private ResponseEntity<String> post(String body) {
        return http.post().uri("/llama/generate-strategy").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(String.class);
    }

    private void assertBad(String uri, String field) {
        ResponseEntity<String> answer = http.get().uri(uri).retrieve().toEntity(String.class);
        assertThat(answer.getStatusCode().value()).as(uri).isEqualTo(400);
        JsonNode problem = JSON.readTree(answer.getBody());
        assertThat(problem.path("field").asString()).as(uri).isEqualTo(field);
        assertThat(problem.path("type").asString()).isEqualTo("https://tradingedu.io/problems/bad-parameter");
    }

    private void assertBadPost(String body, String field) {
        ResponseEntity<String> answer = post(body);
        assertThat(answer.getStatusCode().value()).as(body.length() > 80 ? body.substring(0, 80) : body)
                .isEqualTo(400);
        assertThat(JSON.readTree(answer.getBody()).path("field").asString()).as(body.length() > 80
                ? body.substring(0, 80) : body).isEqualTo(field);
    }

    private static List<JsonNode> list(JsonNode array) {
        return Arrays.asList(JSON.treeToValue(array, JsonNode[].class));
    }

    private static JsonNode ofKind(List<JsonNode> items, String kind) {
        return items.stream().filter(e -> kind.equals(e.path("source").path("kind").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " example in " + items));
    }

}
