package io.tradingedu.orchestrator.strategies.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.orchestrator.OrchestratorIT;
import io.tradingedu.shared.pipeline.RunBacktest.StrategyToTest;
import io.tradingedu.shared.strategy.Costs;
import io.tradingedu.shared.strategy.StrategyJson;
import io.tradingedu.shared.strategy.StrategyText;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Stage 9 tests the candidates its own run's stage 8 wrote, never rows another run of the same item left. */
@OrchestratorIT
class CandidateReaderIT {

    @Autowired
    CandidateReader reader;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void readsOnlyTheRunsOwnCandidatesInStageEightsOrder() {
        UUID media = UUID.randomUUID();
        UUID run = UUID.randomUUID();
        UUID otherRun = UUID.randomUUID();
        insert(media, run, "s1", "Golden cross", "entry: SMA(50) crosses above SMA(200)\nexit: SMA(50) crosses below SMA(200)");
        insert(media, run, "s2", "RSI dip", "entry: RSI(2) < 5\nexit: close > SMA(5)");
        insert(media, otherRun, "s3", "Another run's", "entry: close > SMA(20)\nexit: close < SMA(20)");

        List<StrategyToTest> candidates = reader.candidates(media, run, new Costs(5, 2));

        assertThat(candidates).extracting(StrategyToTest::key).containsExactly("s1", "s2");
        assertThat(candidates).extracting(c -> c.definition().name()).containsExactly("Golden cross", "RSI dip");
        assertThat(reader.candidates(media, otherRun, new Costs(5, 2))).extracting(StrategyToTest::key)
                .containsExactly("s3");
    }

    private void insert(UUID media, UUID run, String key, String name, String text) {
        jdbc.update("""
                INSERT INTO strategies.strategy (id, media_id, run_id, key, name, source, definition, text_form,
                    assumed, evidence, tuning, created_at)
                VALUES (?, ?, ?, ?, ?, 'rules', CAST(? AS jsonb), ?, '[]', '[]', '[]', ?)""",
                UUID.randomUUID(), media, run, key, name,
                StrategyJson.toJson(StrategyText.parse("name: " + name + "\n" + text)), text,
                Timestamp.from(Instant.now()));
    }
}
