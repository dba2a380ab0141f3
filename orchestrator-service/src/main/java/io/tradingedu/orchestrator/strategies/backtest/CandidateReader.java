package io.tradingedu.orchestrator.strategies.backtest;

import io.tradingedu.shared.backtest.OpenParameter;
import io.tradingedu.shared.pipeline.RunBacktest.StrategyToTest;
import io.tradingedu.shared.strategy.Costs;
import io.tradingedu.shared.strategy.StrategyDefinition;
import io.tradingedu.shared.strategy.StrategyJson;
import io.tradingedu.shared.strategy.StrategySyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The candidates stage 8 wrote for a run in {@code strategies.strategy}, as stage 9 tests them: costs the lesson did
 * not state are the configured ones, and the open parameters travel along. Rows of another run of the same media item
 * (a newer run's stage 8 replaced them) are not this run's to test.
 */
@Component
class CandidateReader {

    private static final Logger log = LoggerFactory.getLogger(CandidateReader.class);
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final JdbcTemplate jdbc;

    CandidateReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<StrategyToTest> candidates(UUID mediaId, UUID runId, Costs defaultCosts) {
        List<StrategyToTest> candidates = new ArrayList<>();
        jdbc.query("""
                SELECT key, definition::text AS definition, tuning::text AS tuning FROM strategies.strategy
                WHERE media_id = ? AND run_id = ? ORDER BY created_at, length(key), key""", rs -> {
            String key = rs.getString("key");
            try {
                candidates.add(candidate(key, rs.getString("definition"), rs.getString("tuning"), defaultCosts));
            } catch (JacksonException | StrategySyntaxException | IllegalArgumentException e) {
                // stage 8 stores only valid strategies; a row that cannot be read is left to stage 10, which
                // rejects it as not backtested, rather than blocking the run's next stage
                log.warn("candidate {} of media {} cannot be read and is not backtested: {}", key, mediaId,
                        e.getMessage());
            }
        }, mediaId, runId);
        return candidates;
    }

    static StrategyToTest candidate(String key, String definitionJson, String tuningJson, Costs defaultCosts) {
        JsonNode tree = JSON.readTree(definitionJson);
        StrategyDefinition definition = StrategyJson.fromTree(tree);
        if (!tree.has("costs")) {
            definition = definition.withCosts(defaultCosts);
        }
        List<OpenParameter> tuning = tuningJson == null ? List.of()
                : JSON.readValue(tuningJson, new TypeReference<List<OpenParameter>>() { });
        return new StrategyToTest(key, definition, tuning);
    }
}
