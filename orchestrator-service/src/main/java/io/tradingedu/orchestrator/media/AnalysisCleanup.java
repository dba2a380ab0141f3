package io.tradingedu.orchestrator.media;

import io.tradingedu.shared.pipeline.MediaDeleted;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.Topics;
import io.tradingedu.support.messaging.ProcessedEvents;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A deleted media item takes the stage outputs with it: the rows in the {@code analysis} schema go here; the files
 * (frames, clips, thumbnails) live in the item's media directory, which api-service deletes.
 */
@Component
@WorkerRole
class AnalysisCleanup {

    private static final Logger log = LoggerFactory.getLogger(AnalysisCleanup.class);
    private static final String CONSUMER = "analysis-cleanup";
    private static final List<String> TABLES = List.of("analysis.concept", "analysis.clip", "analysis.keyword_hit",
            "analysis.frame", "analysis.transcript");

    private final JdbcTemplate jdbc;
    private final ProcessedEvents processed;

    AnalysisCleanup(JdbcTemplate jdbc, ProcessedEvents processed) {
        this.jdbc = jdbc;
        this.processed = processed;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.MEDIA_EVENTS, groupId = CONSUMER)
    @Transactional
    void on(String json) {
        if (PipelineMessages.fromJson(json) instanceof MediaDeleted deleted
                && processed.firstDelivery(CONSUMER, deleted.eventId())) {
            int rows = TABLES.stream().mapToInt(t -> jdbc.update("DELETE FROM " + t + " WHERE media_id = ?",
                    deleted.mediaId())).sum();
            log.info("deleted {} analysis row(s) of deleted media {}", rows, deleted.mediaId());
        }
    }
}
