package io.tradingedu.backtesting.backtest;

import io.tradingedu.shared.pipeline.MediaDeleted;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A deleted media item takes the backtests stage 9 ran for it: its strategies are gone, so their trades and equity
 * curves must not stay readable. Backtests asked for through the API (no run) are the user's and stay. Deleting is
 * idempotent, so a redelivery needs no record.
 */
@Component
class MediaEventsListener {

    private static final Logger log = LoggerFactory.getLogger(MediaEventsListener.class);

    private final JdbcTemplate jdbc;

    MediaEventsListener(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @KafkaListener(id = "backtesting-media", topics = Topics.MEDIA_EVENTS, groupId = "backtesting-media")
    void onMediaEvent(String json) {
        if (PipelineMessages.fromJson(json) instanceof MediaDeleted deleted && deleted.runId() != null) {
            int rows = jdbc.update("DELETE FROM backtest WHERE run_id = ? AND status IN ('COMPLETED', 'FAILED')",
                    deleted.runId());
            log.info("deleted {} backtest(s) of deleted media {} (run {})", rows, deleted.mediaId(), deleted.runId());
        }
    }
}
