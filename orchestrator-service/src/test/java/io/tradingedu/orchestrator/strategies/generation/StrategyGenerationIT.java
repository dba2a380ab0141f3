package io.tradingedu.orchestrator.strategies.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tradingedu.orchestrator.concepts.Concept;
import io.tradingedu.orchestrator.concepts.ConceptExtractor;
import io.tradingedu.orchestrator.concepts.TextEvidence;
import io.tradingedu.orchestrator.llm.LlmProperties;
import io.tradingedu.orchestrator.llm.OllamaLlmChat;
import io.tradingedu.support.web.ServiceProblemAdvice;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stage 8's reads and writes against the local PostgreSQL (schemas analysis and strategies), and the generate
 * endpoint over them. Every test uses its own media ids and removes only its own rows.
 */
class StrategyGenerationIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LESSON = "Buy when the 50-day moving average crosses above the 200-day and sell when "
            + "it crosses back below. Never risk more than 1% of your account.";
    /** A made-up word, so that only this test's lesson mentions it. */
    private final String keyword = "zq" + UUID.randomUUID().toString().substring(0, 8);

    private final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
            "jdbc:postgresql://localhost:5432/tradingedu", System.getenv().getOrDefault("DATABASE_USER", "tradingedu"),
            System.getenv().getOrDefault("DATABASE_PASSWORD", "tradingedu")));
    private final LessonReader reader = new LessonReader(jdbc, Duration.ofSeconds(1));
    private final StrategyStore store = new StrategyStore(jdbc);
    private final UUID media = UUID.randomUUID();

    @RestControllerAdvice
    static class Advice extends ServiceProblemAdvice {
    }

    @AfterEach
    void removeOwnRows() {
        jdbc.update("DELETE FROM strategies.strategy WHERE media_id = ?", media);
        jdbc.update("DELETE FROM analysis.concept WHERE media_id = ?", media);
        jdbc.update("DELETE FROM analysis.clip WHERE media_id = ?", media);
    }

    @Test
    void candidatesAreStoredWithEvidenceLinkedToOverlappingClipsAndReplacedOnARerun() {
        storeLesson("In the " + keyword + " setup you " + LESSON);
        UUID clipOnRule = clip(0, 10, 40);
        clip(1, 200, 230);

        List<LessonConcept> concepts = reader.concepts(media);
        Synthesis synthesis = RuleSynthesis.synthesise(concepts);
        List<LessonReader.ClipSpan> clips = reader.clips(media);
        List<Candidate> linked = synthesis.candidates().stream().map(c -> ClipLinks.link(c, clips)).toList();
        store.replace(media, UUID.randomUUID(), linked, Instant.now());
        List<String> keys = store.replace(media, UUID.randomUUID(), linked, Instant.now());

        assertThat(keys).containsExactly("s1");
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM strategies.strategies_v1 WHERE media_id = ?", media);
        assertThat(row.get("source")).isEqualTo("rules");
        assertThat((String) row.get("text_form")).contains("entry: SMA(50) crosses above SMA(200)",
                "exit: SMA(50) crosses below SMA(200)", "stop_loss: 2 ATR(14)", "size: risk 1%");
        var evidence = JSON.readTree(row.get("evidence").toString());
        assertThat(evidence.get(0).get("concept_id").asString()).isNotBlank();
        assertThat(evidence.get(0).get("clip_ids").get(0).asString()).isEqualTo(clipOnRule.toString());
        assertThat(evidence.get(0).get("start_seconds").asDouble()).isEqualTo(12.0);
        var tuning = JSON.readTree(row.get("tuning").toString());
        assertThat(tuning.get(0).get("paths").get(0).asString()).isEqualTo("risk.stop_loss.atr_multiple");
        assertThat(row.get("decision")).isNull();
        assertThat(row.get("backtest")).isNull();
    }

    @Test
    void theEndpointGeneratesFromTextAndFromTheLibraryAndSaysWhyWhenNothingIsTradable() throws Exception {
        storeLesson("In the " + keyword + " setup you " + LESSON);
        clip(0, 10, 40);
        LlmProperties noModel = new LlmProperties("", "m", 0.2, Duration.ofSeconds(1), Duration.ofSeconds(1), 1);
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new GenerateStrategyController(
                new StrategyGenerator(new OllamaLlmChat(noModel), noModel), reader))
                .setControllerAdvice(new Advice()).build();

        mvc.perform(post("/strategies/generate").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"Buy when the RSI drops below 30 and sell when it rises above 70.\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("rules"))
                .andExpect(jsonPath("$.text").value(org.hamcrest.Matchers.containsString("entry: RSI(14) < 30")))
                .andExpect(jsonPath("$.strategy.entry.type").value("below"))
                .andExpect(jsonPath("$.assumed[?(@.field == 'entry.left.params.period')].value").value(14.0))
                .andExpect(jsonPath("$.evidence[0].quote").exists());
        mvc.perform(post("/strategies/generate").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"keyword\": \"" + keyword + "\", \"top_k\": 3}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.text").value(org.hamcrest.Matchers.containsString("SMA(50) crosses above")))
                .andExpect(jsonPath("$.evidence[0].media_id").value(media.toString()))
                .andExpect(jsonPath("$.evidence[0].clip_ids[0]").exists());
        mvc.perform(post("/strategies/generate").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"This is a textbook head and shoulders.\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://tradingedu.io/problems/nothing-tradable"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("only chart")));
        mvc.perform(post("/strategies/generate").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"keyword\": \"zz" + UUID.randomUUID() + "\"}"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void theEndpointBoundsItsInputBeforeDoingWork() throws Exception {
        LlmProperties noModel = new LlmProperties("", "m", 0.2, Duration.ofSeconds(1), Duration.ofSeconds(1), 1);
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new GenerateStrategyController(
                new StrategyGenerator(new OllamaLlmChat(noModel), noModel), reader))
                .setControllerAdvice(new Advice()).build();

        for (String body : List.of("{\"text\": \"" + "a".repeat(GenerateRequest.MAX_TEXT + 1) + "\"}",
                "{\"keyword\": \"rsi\", \"top_k\": 21}", "{\"keyword\": \"rsi\", \"top_k\": 2.5}",
                "{\"keyword\": \"rsi\", \"temperature\": 2.5}", "{\"keyword\": \"rsi\", \"text\": \"buy\"}",
                "{}")) {
            mvc.perform(post("/strategies/generate").contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("https://tradingedu.io/problems/bad-parameter"))
                    .andExpect(jsonPath("$.field").isNotEmpty());
        }
        mvc.perform(post("/strategies/generate").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"keyword\": \"rsi\", \"top_k\": 2.5}"))
                .andExpect(jsonPath("$.field").value("top_k"))
                .andExpect(jsonPath("$.detail").value("top_k must be a whole number between 1 and 20, was 2.5"));
    }

    /**
     * The keyword scan reads every concept of the library: when it cannot finish within its timeout (here the table
     * is held by another transaction's lock for longer), it is cancelled and the caller is told what to change.
     */
    @Test
    void aKeywordScanThatCannotFinishInTimeIsCancelledWithAProblem() throws Exception {
        LlmProperties noModel = new LlmProperties("", "m", 0.2, Duration.ofSeconds(1), Duration.ofSeconds(1), 1);
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new GenerateStrategyController(
                new StrategyGenerator(new OllamaLlmChat(noModel), noModel), reader))
                .setControllerAdvice(new Advice()).build();
        try (Connection holder = jdbc.getDataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (var lock = holder.createStatement()) {
                lock.execute("LOCK TABLE analysis.concept IN ACCESS EXCLUSIVE MODE");
            }
            mvc.perform(post("/strategies/generate").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"keyword\": \"RSI\"}"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.type").value("https://tradingedu.io/problems/keyword-search-timeout"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                            "'RSI' took longer than 1 s")));
            holder.rollback();
        }
    }

    /** A keyword is text to look for, not a pattern: 'RS_' is not RSI, so no lesson mentions it. */
    @Test
    void aKeywordIsNotAPattern() throws Exception {
        storeLesson("Buy when the RSI(14) drops below 30 and sell when it crosses above 70.");
        LlmProperties noModel = new LlmProperties("", "m", 0.2, Duration.ofSeconds(1), Duration.ofSeconds(1), 1);
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new GenerateStrategyController(
                new StrategyGenerator(new OllamaLlmChat(noModel), noModel), reader))
                .setControllerAdvice(new Advice()).build();

        mvc.perform(post("/strategies/generate").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"keyword\": \"RS_\"}"))
                .andExpect(status().isUnprocessableEntity());
    }

    private void storeLesson(String text) {
        List<Concept> concepts = new ConceptExtractor().extract(List.of(new TextEvidence(text, 12, 30, 1,
                "transcript")));
        for (int i = 0; i < concepts.size(); i++) {
            Concept c = concepts.get(i);
            jdbc.update("""
                    INSERT INTO analysis.concept (id, media_id, seq, kind, name, details, text_form, start_seconds,
                                                  end_seconds, quote, confidence, source)
                    VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), media, i,
                    c.kind(), c.name(), JSON.writeValueAsString(c.details()), c.textForm(), c.start(), c.end(),
                    c.quote(), c.confidence(), c.source());
        }
    }

    private UUID clip(int seq, double start, double end) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO analysis.clip (id, media_id, seq, start_seconds, end_seconds, duration_seconds, file_path,
                                           size_bytes, cut_mode, score, keywords, categories, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'clip.mp4', 1, 'copy', 1, '{}', '{}', ?)""", id, media, seq, start, end,
                end - start, Timestamp.from(Instant.now()));
        return id;
    }
}
