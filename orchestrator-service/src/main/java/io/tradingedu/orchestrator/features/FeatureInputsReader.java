package io.tradingedu.orchestrator.features;

import io.tradingedu.orchestrator.features.FeatureInputs.Clip;
import io.tradingedu.orchestrator.features.FeatureInputs.ConceptRow;
import io.tradingedu.orchestrator.features.FeatureInputs.Frame;
import io.tradingedu.orchestrator.features.FeatureInputs.Hit;
import io.tradingedu.orchestrator.features.FeatureInputs.Segment;
import io.tradingedu.orchestrator.features.FeatureInputs.Transcript;
import io.tradingedu.shared.pipeline.ComputeFeatures;
import io.tradingedu.shared.pipeline.PipelineStage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads what stages 2–5 stored for an item (the {@code analysis} tables this service owns) and which of them
 * succeeded in the command's run. An empty table is an input when its stage succeeded in this run (it found nothing)
 * or when rows are there from an earlier run; otherwise the input is missing (null).
 */
@Component
class FeatureInputsReader {

    private final JdbcTemplate jdbc;

    FeatureInputsReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    FeatureInputs read(ComputeFeatures command) {
        UUID media = command.mediaId();
        Set<String> succeeded = new HashSet<>(jdbc.queryForList(
                "SELECT stage FROM pipeline.stage_execution WHERE run_id = ? AND status = 'SUCCEEDED'", String.class,
                command.runId()));
        Transcript transcript = transcript(media);
        List<Frame> frames = transcript == null ? null : jdbc.query(
                "SELECT time_seconds, has_trading_text FROM analysis.frame WHERE media_id = ? ORDER BY seq",
                (rs, i) -> new Frame(rs.getDouble(1), rs.getBoolean(2)), media);
        List<Hit> hits = available(PipelineStage.DETECT_KEYWORDS, succeeded, jdbc.query("""
                SELECT keyword, category, start_seconds, source FROM analysis.keyword_hit
                WHERE media_id = ? ORDER BY start_seconds, keyword""",
                (rs, i) -> new Hit(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getString(4)), media));
        List<Clip> clips = available(PipelineStage.GENERATE_CLIPS, succeeded, jdbc.query(
                "SELECT duration_seconds FROM analysis.clip WHERE media_id = ? ORDER BY seq",
                (rs, i) -> new Clip(rs.getDouble(1)), media));
        List<ConceptRow> concepts = available(PipelineStage.EXTRACT_CONCEPTS, succeeded, jdbc.query("""
                SELECT kind, name, details -> 'assumed' IS NOT NULL, details ->> 'role'
                FROM analysis.concept WHERE media_id = ? ORDER BY seq""",
                (rs, i) -> new ConceptRow(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)),
                media));
        String spreadNote = succeeded.contains(PipelineStage.EMBEDDINGS.name())
                ? "stage 6 (embeddings) reported no topic spread (it needs at least two transcript passages)"
                : "stage 6 (embeddings) has not run in this run";
        return new FeatureInputs(transcript, frames, hits, clips, concepts, command.topicSpread(), spreadNote);
    }

    private Transcript transcript(UUID media) {
        List<Transcript> heads = jdbc.query("""
                SELECT source, duration_seconds, word_count, mean_confidence FROM analysis.transcript
                WHERE media_id = ?""",
                (rs, i) -> new Transcript(rs.getString(1), (Double) rs.getObject(2), rs.getInt(3),
                        (Double) rs.getObject(4), List.of()), media);
        if (heads.isEmpty()) {
            return null;
        }
        List<Segment> segments = jdbc.query("""
                SELECT start_seconds, end_seconds, text FROM analysis.transcript_segment
                WHERE media_id = ? ORDER BY seq""",
                (rs, i) -> new Segment(rs.getDouble(1), rs.getDouble(2), rs.getString(3)), media);
        Transcript head = heads.getFirst();
        return new Transcript(head.source(), head.durationSeconds(), head.wordCount(), head.meanConfidence(),
                segments);
    }

    private static <T> List<T> available(PipelineStage stage, Set<String> succeeded, List<T> rows) {
        return rows.isEmpty() && !succeeded.contains(stage.name()) ? null : rows;
    }
}
