package io.tradingedu.orchestrator.media;

import io.tradingedu.orchestrator.run.MediaForgotten;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A deleted media item takes the stage outputs with it: the rows in the {@code analysis} and {@code strategies}
 * schemas (its strategies, and with them their proven-strategy entries) go in the same
 * transaction that deletes its runs (so a job finishing at that moment either commits first and is deleted, or finds
 * the run gone and writes nothing); the files live in the item's media directory, which api-service deletes.
 */
@Component
class AnalysisCleanup {

    private static final Logger log = LoggerFactory.getLogger(AnalysisCleanup.class);
    private static final List<String> TABLES = List.of("strategies.strategy", "analysis.feature_set",
            "analysis.concept", "analysis.clip", "analysis.keyword_hit", "analysis.frame", "analysis.transcript");

    private final JdbcTemplate jdbc;

    AnalysisCleanup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(MediaForgotten forgotten) {
        int rows = TABLES.stream().mapToInt(t -> jdbc.update("DELETE FROM " + t + " WHERE media_id = ?",
                forgotten.mediaId())).sum();
        log.info("deleted {} analysis row(s) of deleted media {}", rows, forgotten.mediaId());
    }
}
