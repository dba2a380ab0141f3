package io.tradingedu.orchestrator.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradingedu.orchestrator.OrchestratorIT;
import io.tradingedu.orchestrator.run.PipelineRun;
import io.tradingedu.orchestrator.run.RunService;
import io.tradingedu.orchestrator.run.StagePolicy;
import io.tradingedu.orchestrator.run.StageStatus;
import io.tradingedu.shared.pipeline.ComputeFeatures;
import io.tradingedu.shared.pipeline.EmbedMedia;
import io.tradingedu.shared.pipeline.FeaturesComputed;
import io.tradingedu.shared.pipeline.MediaEmbedded;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.PipelineStage;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stage 7 over the real Kafka and PostgreSQL: analysis rows of a fresh media item in, stage 6's outcome recorded
 * on its run, the orchestrator dispatches {@link ComputeFeatures} with the topic spread, the worker stores the set
 * and answers {@link FeaturesComputed}; a second command replaces the set.
 */
@OrchestratorIT
class ComputeFeaturesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final StagePolicy POLICY = new StagePolicy(Duration.ofMinutes(5), 3, Duration.ofSeconds(5), null);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RunService runs;
    @Autowired
    EntityManager entities;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void computesTheFeaturesOfStoredAnalysisWithStageSixsSpreadAndReplacesThemOnAnotherRun() throws Exception {
        UUID media = UUID.randomUUID();
        storeLesson(media);
        UUID run = startedRun(media, PipelineStage.EMBEDDINGS, PipelineStage.FEATURES);

        runs.recordOutcome(MediaEmbedded.of(EmbedMedia.of(run, media, 1), "all-minilm-l6-v2-q", 4, 1, 1, 0.4,
                List.of(), 0.21));

        Map<String, Object> features = awaitFeatures(media, run);
        assertThat(features).containsEntry("transcript_source", "pocketsphinx").containsEntry("transcript_words", 24)
                .containsEntry("duration_minutes", 5.0).containsEntry("speech_minutes", 1.0)
                .containsEntry("speaking_rate_wpm", 24.0).containsEntry("mean_asr_confidence", 0.9)
                .containsEntry("keyword_hits", 3).containsEntry("keyword_terms", 2)
                .containsEntry("keywords_technical_indicator", 2).containsEntry("keywords_risk_management", 1)
                .containsEntry("keyword_density_per_minute", 0.6).containsEntry("first_mention_seconds", 2.0)
                .containsEntry("concepts_indicator", 1).containsEntry("indicators_explicit_share", 0.0)
                .containsEntry("entry_conditions", 1).containsEntry("has_stop_rule", true)
                .containsEntry("has_target_rule", false).containsEntry("timeframe_hint", "1d")
                .containsEntry("bullish_terms", 1).containsEntry("cue_examples", 1)
                .containsEntry("frames", 2).containsEntry("trading_text_frame_share", 0.5)
                .containsEntry("clips", 1).containsEntry("clip_seconds", 15.0).containsEntry("clip_coverage", 0.05)
                .containsEntry("topic_spread", 0.21);
        assertThat(features.keySet()).containsExactlyInAnyOrderElementsOf(FeatureCatalogue.NAMES);
        FeaturesComputed answer = outcome(run);
        assertThat(answer.featureSetVersion()).isEqualTo("features-v1");
        assertThat(answer.features()).isEqualTo(FeatureCatalogue.NAMES.size() - nulls(features));
        assertThat(jdbc.queryForObject("SELECT status FROM pipeline.stage_execution WHERE run_id = ? AND stage = ?",
                String.class, run, PipelineStage.EMBEDDINGS.name())).isEqualTo(StageStatus.SUCCEEDED.name());

        // the clips are gone (and this run has no stage 4 that found none) and the command has no spread: the set
        // is replaced, not added to, and says why those features are null now
        jdbc.update("DELETE FROM analysis.clip WHERE media_id = ?", media);
        kafka.send(PipelineStage.FEATURES.commandsTopic(), media.toString(),
                PipelineMessages.toJson(ComputeFeatures.of(run, media, 1))).get();

        await().atMost(Duration.ofSeconds(60)).until(() -> notes(media).stream()
                .anyMatch(n -> n.startsWith("no clips: stage 4 (generate-clips) has not run for this item")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM analysis.feature_set WHERE media_id = ?",
                Integer.class, media)).isEqualTo(1);
        assertThat(feature(media, "clips")).isNull();
        assertThat(feature(media, "topic_spread")).isNull();
        assertThat(feature(media, "keyword_hits")).isEqualTo(3);
        assertThat(notes(media)).contains("topic_spread: stage 6 (embeddings) reported no topic spread (it needs at "
                + "least two transcript passages)");
    }

    @Test
    void inputsOfStagesThatNeverRanAreNullWithANote() throws Exception {
        UUID media = UUID.randomUUID();
        transcript(media);
        UUID run = startedRun(media, PipelineStage.FEATURES);

        kafka.send(PipelineStage.FEATURES.commandsTopic(), media.toString(),
                PipelineMessages.toJson(ComputeFeatures.of(run, media, 1))).get();

        Map<String, Object> features = awaitFeatures(media, run);
        assertThat(features).containsEntry("transcript_words", 24).containsEntry("keyword_hits", null)
                .containsEntry("clips", null).containsEntry("has_stop_rule", null).containsEntry("topic_spread", null)
                .containsEntry("frames", 0);
        assertThat(notes(media)).anyMatch(n -> n.startsWith("no keyword hits: stage 3 (detect-keywords)"))
                .anyMatch(n -> n.startsWith("no clips: stage 4 (generate-clips)"))
                .anyMatch(n -> n.startsWith("no concepts: stage 5 (extract-concepts)"))
                .contains("topic_spread: stage 6 (embeddings) has not run in this run");
    }

    /** A run of the given stages, started (its first stage running), saved as the orchestrator saves runs. */
    private UUID startedRun(UUID media, PipelineStage... stages) {
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            PipelineRun run = new PipelineRun(id, media, "/media/" + media + "/lesson.mp4", List.of(stages),
                    Instant.now());
            run.start(Instant.now(), s -> POLICY);
            entities.persist(run);
        });
        return id;
    }

    private Map<String, Object> awaitFeatures(UUID media, UUID run) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM analysis.features_v1 WHERE media_id = ? AND run_id = ?", Integer.class, media,
                run) == 1);
        return JSON.readValue(jdbc.queryForObject("SELECT features::text FROM analysis.features_v1 WHERE media_id = ?",
                String.class, media), new TypeReference<Map<String, Object>>() { });
    }

    private Object feature(UUID media, String name) {
        return JSON.readValue(jdbc.queryForObject("SELECT features::text FROM analysis.feature_set WHERE media_id = ?",
                String.class, media), new TypeReference<Map<String, Object>>() { }).get(name);
    }

    private List<String> notes(UUID media) {
        return JSON.readValue(jdbc.queryForObject("SELECT notes::text FROM analysis.feature_set WHERE media_id = ?",
                String.class, media), new TypeReference<List<String>>() { });
    }

    /** The worker's answer; progress reports (StageProgressed) travel on the same topic. */
    private FeaturesComputed outcome(UUID run) {
        String payload = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList("""
                SELECT payload FROM pipeline.outbox_message WHERE topic = ? AND payload LIKE ? AND payload LIKE ?""",
                String.class, PipelineStage.FEATURES.eventsTopic(), "%" + run + "%", "%\"type\":\"FeaturesComputed\"%"),
                l -> !l.isEmpty()).getFirst();
        return (FeaturesComputed) PipelineMessages.fromJson(payload);
    }

    private static int nulls(Map<String, Object> features) {
        return (int) features.values().stream().filter(v -> v == null).count();
    }

    /**
     * A 5-minute lesson with 60 s of speech (24 words); 3 keyword hits of 2 terms; an RSI whose period was assumed,
     * an entry condition, a stop, a daily timeframe; 2 frames (1 with trading text); one 15 s clip.
     */
    private void storeLesson(UUID media) {
        transcript(media);
        frame(media, 0, 0.5, false);
        frame(media, 1, 20, true);
        hit(media, "RSI", "technical_indicator", 2, "transcript");
        hit(media, "RSI", "technical_indicator", 20, "ocr");
        hit(media, "stop loss", "risk_management", 35, "transcript");
        concept(media, 0, "indicator", "RSI", "{\"params\": {\"period\": 14}, \"assumed\": [\"period\"]}");
        concept(media, 1, "condition", "below", "{\"role\": \"entry\", \"condition\": {}}");
        concept(media, 2, "risk_rule", "stop_loss", "{\"percent\": 2}");
        concept(media, 3, "timeframe", "1d", "{}");
        jdbc.update("""
                INSERT INTO analysis.clip (id, media_id, seq, start_seconds, end_seconds, duration_seconds, file_path,
                    size_bytes, cut_mode, score, keywords, categories, created_at)
                VALUES (?, ?, 0, 0, 15, 15, '/x.mp4', 1, 'reencode', 1, ARRAY['rsi'], ARRAY['technical_indicator'],
                    now())""", UUID.randomUUID(), media);
    }

    private void transcript(UUID media) {
        jdbc.update("""
                INSERT INTO analysis.transcript (media_id, run_id, source, duration_seconds, word_count,
                    mean_confidence, created_at)
                VALUES (?, ?, 'pocketsphinx', 300, 24, 0.9, ?)""", media, UUID.randomUUID(),
                Timestamp.from(Instant.now()));
        segment(media, 0, 0, 30, "for example buy when the rsi is below thirty in an uptrend");
        segment(media, 1, 30, 60, "put the stop loss two percent under the entry");
    }

    private void segment(UUID media, int seq, double start, double end, String text) {
        jdbc.update("""
                INSERT INTO analysis.transcript_segment (media_id, seq, start_seconds, end_seconds, text, confidence)
                VALUES (?, ?, ?, ?, ?, 0.9)""", media, seq, start, end, text);
    }

    private void frame(UUID media, int seq, double time, boolean tradingText) {
        jdbc.update("""
                INSERT INTO analysis.frame (id, media_id, seq, time_seconds, selection, image_path, width, height,
                    has_trading_text)
                VALUES (?, ?, ?, ?, 'scene', '/f.jpg', 320, 180, ?)""", UUID.randomUUID(), media, seq, time,
                tradingText);
    }

    private void hit(UUID media, String keyword, String category, double start, String source) {
        jdbc.update("""
                INSERT INTO analysis.keyword_hit (id, media_id, keyword, category, matched_text, start_seconds,
                    end_seconds, confidence, context, source, lexicon_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0.9, '', ?, 'test')""", UUID.randomUUID(), media, keyword, category,
                keyword, start, start + 1, source);
    }

    private void concept(UUID media, int seq, String kind, String name, String details) {
        jdbc.update("""
                INSERT INTO analysis.concept (id, media_id, seq, kind, name, details, start_seconds, end_seconds,
                    quote, confidence, source)
                VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), 0, 1, 'q', 0.9, 'transcript')""", UUID.randomUUID(), media,
                seq, kind, name, details);
    }
}
