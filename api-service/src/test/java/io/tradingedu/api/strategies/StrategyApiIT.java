package io.tradingedu.api.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.api.AnalysisApiSupport;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** The strategies endpoints over rows in the orchestrator's strategies schema, read through its views. */
@SuppressWarnings("unchecked")
class StrategyApiIT extends AnalysisApiSupport {

    private static final String GOLDEN_JSON = """
            {"version": 1, "name": "Golden cross", "direction": "long",
             "entry": {"type": "crosses_above", "left": {"indicator": "SMA", "params": {"period": 50}},
                       "right": {"indicator": "SMA", "params": {"period": 200}}},
             "exit": {"type": "crosses_below", "left": {"indicator": "SMA", "params": {"period": 50}},
                      "right": {"indicator": "SMA", "params": {"period": 200}}}}""";

    @Test
    void listsFiltersAndPagesStrategiesWithTheirJudgedMetrics() throws Exception {
        UUID media = catalogued("strategies.mp4");
        UUID strong = strategy(media, "s1", "promoted", 1.4, 0.99);
        strategy(media, "s2", "rejected", 0.21, 0.6);
        strategy(media, "s3", null, null, null);

        Map<String, Object> all = get("/strategies?media_id=" + media);
        Map<String, Object> promoted = get("/strategies?media_id=" + media + "&decision=promoted");
        Map<String, Object> pending = get("/strategies?media_id=" + media + "&decision=pending");
        Map<String, Object> sharp = get("/strategies?media_id=" + media + "&min_sharpe=1&min_deflated_sharpe=0.95");
        Map<String, Object> page = get("/strategies?media_id=" + media + "&limit=1&skip=1");

        assertThat(all).containsEntry("total", 3);
        assertThat(items(promoted)).singleElement().satisfies(s -> {
            assertThat(s).containsEntry("id", strong.toString()).containsEntry("decision", "promoted")
                    .containsEntry("out_of_sample_sharpe", 1.4).containsEntry("deflated_sharpe", 0.99)
                    .containsEntry("text", "entry: SMA(50) crosses above SMA(200)");
            assertThat((String) s.get("url")).endsWith("/strategies/" + strong);
        });
        assertThat(items(pending)).extracting(s -> s.get("key")).containsExactly("s3");
        assertThat(items(sharp)).extracting(s -> s.get("key")).containsExactly("s1");
        assertThat(page).containsEntry("total", 3).containsEntry("limit", 1).containsEntry("skip", 1);
        assertThat(items(page)).hasSize(1);
    }

    @Test
    void oneStrategyCarriesEvidenceLinksBacktestLinksAndReasons() throws Exception {
        UUID media = catalogued("detail.mp4");
        UUID id = strategy(media, "s1", "promoted", 1.4, 0.99);

        Map<String, Object> detail = get("/strategies/" + id);

        assertThat(detail).containsEntry("decision", "promoted").containsEntry("key", "s1")
                .containsEntry("tested_text", "name: Golden cross\nentry: SMA(50) crosses above SMA(200)\n"
                        + "exit: SMA(50) crosses below SMA(200)\n");
        assertThat((Map<String, Object>) detail.get("strategy")).containsEntry("name", "Golden cross");
        assertThat((List<Map<String, Object>>) detail.get("evidence")).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("quote", "buy when the fifty day crosses above the two hundred day");
            assertThat((String) e.get("play_url")).endsWith("/media_items/" + media + "/video#t=62.5");
            assertThat((List<Map<String, Object>>) e.get("clips")).singleElement().satisfies(c -> {
                assertThat((String) c.get("url")).endsWith("/clips/" + CLIP);
                assertThat((String) c.get("download_url")).endsWith("/clip/" + CLIP + "/download");
            });
        });
        assertThat((List<Map<String, Object>>) detail.get("backtests")).singleElement().satisfies(b -> {
            assertThat(b).containsEntry("symbol", "SPX").containsEntry("backtest_id", BACKTEST.toString())
                    .containsEntry("url", "http://localhost:8001/backtest/" + BACKTEST);
            assertThat((List<Map<String, Object>>) b.get("periods")).extracting(p -> p.get("label"))
                    .containsExactly("in_sample", "out_of_sample");
        });
        assertThat((List<Map<String, Object>>) detail.get("reasons")).extracting(r -> r.get("text"))
                .contains("out-of-sample Sharpe 1.4 ≥ 0.5");
        assertThat((Map<String, Object>) detail.get("proven")).containsEntry("status", "promoted")
                .containsEntry("score", 0.99);
        assertThat((List<Map<String, Object>>) detail.get("assumed")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("field", "sizing"));
    }

    @Test
    void provenStrategiesAreRankedByScoreAndFilteredByStatus() throws Exception {
        UUID media = catalogued("proven.mp4");
        UUID lower = strategy(media, "s1", "promoted", 1.0, 0.951);
        UUID higher = strategy(media, "s2", "promoted", 2.0, 0.999);
        jdbc.update("UPDATE strategies.proven_strategy SET status = 'active' WHERE strategy_id = ?", lower);

        List<Map<String, Object>> ranked = items(get("/proven_strategies?limit=200")).stream()
                .filter(p -> media.toString().equals(p.get("media_id"))).toList();
        List<Map<String, Object>> active = items(get("/proven_strategies?status=active&limit=200")).stream()
                .filter(p -> media.toString().equals(p.get("media_id"))).toList();

        assertThat(ranked).extracting(p -> p.get("strategy_id")).containsExactly(higher.toString(), lower.toString());
        assertThat(ranked.getFirst()).containsEntry("out_of_sample_sharpe", 2.0).containsEntry("score", 0.999);
        assertThat(active).extracting(p -> p.get("strategy_id")).containsExactly(lower.toString());
    }

    @Test
    void badParametersAre400NamingTheFieldAndUnknownIdsAre404() {
        assertThat(problem("/strategies?limit=201")).containsEntry("field", "limit");
        assertThat(problem("/strategies?decision=maybe")).containsEntry("field", "decision");
        assertThat(problem("/strategies?max_drawdown=30")).containsEntry("field", "max_drawdown");
        assertThat(problem("/strategies?min_sharpe=1000")).containsEntry("field", "min_sharpe");
        assertThat(problem("/strategies?min_trades=-1")).containsEntry("field", "min_trades");
        assertThat(problem("/proven_strategies?status=gone")).containsEntry("field", "status");
        assertThat(problem("/proven_strategies?limit=0")).containsEntry("field", "limit");
        ResponseEntity<Map> missing = http.get().uri("/strategies/{id}", UUID.randomUUID()).retrieve()
                .toEntity(Map.class);
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
    }

    private static final UUID CLIP = UUID.randomUUID();
    private static final UUID BACKTEST = UUID.randomUUID();

    private UUID strategy(UUID media, String key, String decision, Double sharpe, Double deflated) {
        UUID id = UUID.randomUUID();
        String reasons = sharpe == null ? null : """
                [{"criterion": "out_of_sample_sharpe", "passed": %s, "value": %s, "threshold": 0.5,
                  "text": "out-of-sample Sharpe %s %s 0.5"},
                 {"criterion": "deflated_sharpe", "passed": %s, "value": %s, "threshold": 0.95, "text": "x"}]"""
                .formatted(sharpe >= 0.5, sharpe, sharpe, sharpe >= 0.5 ? "≥" : "<", deflated >= 0.95, deflated);
        String backtest = sharpe == null ? null : """
                {"datasets": [{"dataset": {"symbol": "SPX", "timeframe": "1d", "from": null, "to": null},
                  "backtest_id": "%s", "periods": [
                    {"label": "in_sample", "from": "2000-01-03T00:00:00Z", "to": "2014-03-10T00:00:00Z",
                     "metrics": {"sharpe": 0.9}},
                    {"label": "out_of_sample", "from": "2014-03-11T00:00:00Z", "to": "2020-04-17T00:00:00Z",
                     "metrics": {"sharpe": %s}}]}],
                 "tuning": null, "notes": [], "violations": [], "deflated_sharpe": %s}""".formatted(BACKTEST, sharpe,
                deflated);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                INSERT INTO strategies.strategy (id, media_id, run_id, key, name, source, definition, text_form,
                    assumed, evidence, tuning, backtest, tested_definition, decision, decision_reasons, decided_at,
                    created_at)
                VALUES (?, ?, ?, ?, 'Golden cross', 'rules', ?::jsonb, 'entry: SMA(50) crosses above SMA(200)',
                    '[{"field": "sizing", "value": "all in", "reason": "the lesson names no position size"}]',
                    ?::jsonb, '[]', ?::jsonb, ?::jsonb, ?, ?::jsonb, ?, ?)""",
                id, media, UUID.randomUUID(), key, GOLDEN_JSON, """
                        [{"concept_id": "%s", "kind": "condition", "text_form": "SMA(50) crosses above SMA(200)",
                          "quote": "buy when the fifty day crosses above the two hundred day", "start_seconds": 62.5,
                          "end_seconds": 66.0, "clip_ids": ["%s"]}]""".formatted(UUID.randomUUID(), CLIP),
                backtest, sharpe == null ? null : GOLDEN_JSON, decision, reasons, decision == null ? null : now, now);
        if ("promoted".equals(decision)) {
            jdbc.update("""
                    INSERT INTO strategies.proven_strategy (id, strategy_id, status, score, promoted_at,
                        status_changed_at) VALUES (?, ?, 'promoted', ?, ?, ?)""", UUID.randomUUID(), id, deflated,
                    now, now);
        }
        return id;
    }

    private Map<String, Object> get(String uri) {
        ResponseEntity<Map> response = http.get().uri(uri).retrieve().toEntity(Map.class);
        assertThat(response.getStatusCode().value()).as(uri + ": " + response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    private Map<String, Object> problem(String uri) {
        ResponseEntity<Map> response = http.get().uri(uri).retrieve().toEntity(Map.class);
        assertThat(response.getStatusCode().value()).as(uri).isEqualTo(400);
        return response.getBody();
    }

    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }
}
