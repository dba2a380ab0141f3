package io.tradingedu.backtesting.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradingedu.shared.pipeline.MediaDeleted;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.Topics;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

@SpringBootTest(properties = "logging.structured.format.console=")
class MediaDeletedIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void aDeletedMediaItemTakesItsPipelineBacktestsOnly() {
        UUID deletedRun = UUID.randomUUID();
        UUID otherRun = UUID.randomUUID();
        UUID gone = backtest(deletedRun);
        UUID keptOfOtherRun = backtest(otherRun);
        UUID keptOfTheApi = backtest(null);
        UUID media = UUID.randomUUID();

        kafka.send(Topics.MEDIA_EVENTS, media.toString(), PipelineMessages.toJson(MediaDeleted.of(deletedRun, media)));

        await().atMost(Duration.ofSeconds(30)).until(() -> count(gone) == 0);
        assertThat(count(keptOfOtherRun)).isEqualTo(1);
        assertThat(count(keptOfTheApi)).isEqualTo(1);
    }

    private UUID backtest(UUID runId) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO backtest (id, kind, status, request, result, run_id, created_at)
                VALUES (?, 'BACKTEST', 'COMPLETED', '{}'::jsonb, '{}'::jsonb, ?, ?)""", id, runId,
                Timestamp.from(Instant.now()));
        return id;
    }

    private int count(UUID id) {
        return jdbc.queryForObject("SELECT count(*) FROM backtest WHERE id = ?", Integer.class, id);
    }
}
