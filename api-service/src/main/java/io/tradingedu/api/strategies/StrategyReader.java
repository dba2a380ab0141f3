package io.tradingedu.api.strategies;

import io.tradingedu.api.support.Links;
import io.tradingedu.api.support.Paging;
import io.tradingedu.shared.strategy.StrategyFormatter;
import io.tradingedu.shared.strategy.StrategyJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads strategies through {@code strategies.strategies_v1} and {@code strategies.proven_strategies_v1}, the views
 * orchestrator-service publishes as a contract.
 */
@Component
class StrategyReader {

    private static final String SUMMARY = "id, media_id, key, name, source, text_form, decision, decided_at, "
            + "created_at, decision_reasons::text AS decision_reasons, backtest->'deflated_sharpe' AS deflated";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final StrategiesProperties properties;

    StrategyReader(JdbcTemplate jdbc, ObjectMapper json, StrategiesProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
    }

    /** Newest decisions first, then undecided by creation. */
    Paging.Page<StrategyViews.Summary> find(StrategyFilter filter, Paging paging) {
        Long total = jdbc.queryForObject("SELECT count(*) FROM strategies.strategies_v1" + filter.where(), Long.class,
                filter.arguments().toArray());
        List<Object> arguments = new ArrayList<>(filter.arguments());
        arguments.add(paging.limit());
        arguments.add(paging.skip());
        List<StrategyViews.Summary> items = jdbc.query("SELECT " + SUMMARY + " FROM strategies.strategies_v1"
                        + filter.where() + " ORDER BY decided_at DESC NULLS LAST, created_at DESC, media_id, key"
                        + " LIMIT ? OFFSET ?",
                (rs, i) -> new StrategyViews.Summary(id(rs, "id"), id(rs, "media_id"), rs.getString("key"),
                        rs.getString("name"), rs.getString("source"), rs.getString("text_form"),
                        rs.getString("decision"), reasonValue(tree(rs.getString("decision_reasons")),
                        "out_of_sample_sharpe"), number(rs.getString("deflated")), time(rs, "decided_at"),
                        time(rs, "created_at"), Links.to("/strategies/{id}", id(rs, "id"))),
                arguments.toArray());
        return Paging.Page.of(total == null ? 0 : total, paging, items);
    }

    Optional<StrategyViews.Detail> get(UUID id) {
        return jdbc.query("""
                SELECT s.id, s.media_id, s.run_id, s.key, s.name, s.source, s.definition::text AS definition,
                       s.text_form, s.assumed::text AS assumed, s.evidence::text AS evidence, s.tuning::text AS tuning,
                       s.backtest::text AS backtest, s.tested_definition::text AS tested_definition, s.decision,
                       s.decision_reasons::text AS decision_reasons, s.decided_at, s.created_at,
                       p.id AS proven_id, p.status, p.score, p.promoted_at, p.status_changed_at
                FROM strategies.strategies_v1 s
                LEFT JOIN strategies.proven_strategies_v1 p ON p.strategy_id = s.id
                WHERE s.id = ?""", (rs, i) -> detail(rs), id).stream().findFirst();
    }

    /** Highest score first. */
    Paging.Page<StrategyViews.ProvenStrategy> proven(String status, Paging paging) {
        String where = status == null ? "" : " WHERE status = ?";
        List<Object> arguments = new ArrayList<>(status == null ? List.of() : List.of(status));
        Long total = jdbc.queryForObject("SELECT count(*) FROM strategies.proven_strategies_v1" + where, Long.class,
                arguments.toArray());
        arguments.add(paging.limit());
        arguments.add(paging.skip());
        List<StrategyViews.ProvenStrategy> items = jdbc.query("""
                SELECT id, strategy_id, status, score, promoted_at, status_changed_at, media_id, key, name, text_form,
                       tested_definition::text AS tested_definition, decision_reasons::text AS decision_reasons
                FROM strategies.proven_strategies_v1""" + where
                        + " ORDER BY score DESC, promoted_at DESC, id LIMIT ? OFFSET ?",
                (rs, i) -> {
                    JsonNode reasons = tree(rs.getString("decision_reasons"));
                    return new StrategyViews.ProvenStrategy(id(rs, "id"), id(rs, "strategy_id"),
                            rs.getString("status"), rs.getDouble("score"), time(rs, "promoted_at"),
                            time(rs, "status_changed_at"), id(rs, "media_id"), rs.getString("key"),
                            rs.getString("name"), rs.getString("text_form"), tree(rs.getString("tested_definition")),
                            reasonValue(reasons, "out_of_sample_sharpe"), reasons,
                            Links.to("/strategies/{id}", id(rs, "strategy_id")));
                }, arguments.toArray());
        return Paging.Page.of(total == null ? 0 : total, paging, items);
    }

    private StrategyViews.Detail detail(ResultSet rs) throws SQLException {
        JsonNode backtest = tree(rs.getString("backtest"));
        JsonNode tested = tree(rs.getString("tested_definition"));
        UUID provenId = id(rs, "proven_id");
        UUID mediaId = id(rs, "media_id");
        return new StrategyViews.Detail(id(rs, "id"), mediaId, id(rs, "run_id"), rs.getString("key"),
                rs.getString("name"), rs.getString("source"), tree(rs.getString("definition")),
                rs.getString("text_form"), tree(rs.getString("assumed")),
                evidence(mediaId, tree(rs.getString("evidence"))), tree(rs.getString("tuning")), tested,
                testedText(tested), backtests(backtest), backtest, rs.getString("decision"),
                tree(rs.getString("decision_reasons")), time(rs, "decided_at"), time(rs, "created_at"),
                provenId == null ? null : new StrategyViews.Proven(provenId, rs.getString("status"),
                        rs.getDouble("score"), time(rs, "promoted_at"), time(rs, "status_changed_at")),
                Links.to("/media_items/{id}", mediaId));
    }

    private static List<StrategyViews.Evidence> evidence(UUID mediaId, JsonNode evidence) {
        List<StrategyViews.Evidence> items = new ArrayList<>();
        if (evidence == null || !evidence.isArray()) {
            return items;
        }
        for (JsonNode e : evidence) {
            List<StrategyViews.ClipLink> clips = new ArrayList<>();
            for (JsonNode clip : e.path("clip_ids")) {
                String clipId = clip.asString();
                clips.add(new StrategyViews.ClipLink(clipId, Links.to("/clips/{id}", clipId),
                        Links.to("/clip/{id}/download", clipId), Links.to("/clips/{id}/thumbnail", clipId)));
            }
            Double start = e.path("start_seconds").isNumber() ? e.path("start_seconds").asDouble() : null;
            items.add(new StrategyViews.Evidence(e.get("concept_id"), text(e, "kind"), text(e, "text_form"),
                    text(e, "quote"), text(e, "source"), e.get("concepts"), start,
                    e.path("end_seconds").isNumber() ? e.path("end_seconds").asDouble() : null, clips,
                    start == null ? null : Links.to("/media_items/{id}/video", mediaId) + "#t=" + start));
        }
        return items;
    }

    private List<StrategyViews.Backtest> backtests(JsonNode backtest) {
        List<StrategyViews.Backtest> items = new ArrayList<>();
        if (backtest == null) {
            return items;
        }
        for (JsonNode d : backtest.path("datasets")) {
            String backtestId = text(d, "backtest_id");
            items.add(new StrategyViews.Backtest(text(d.path("dataset"), "symbol"), text(d.path("dataset"), "timeframe"),
                    backtestId, backtestId == null ? null : properties.backtestLink(backtestId), d.get("periods")));
        }
        return items;
    }

    /** The compact text of the tested variant; null when there is none or it cannot be read. */
    private static String testedText(JsonNode tested) {
        if (tested == null) {
            return null;
        }
        try {
            return StrategyFormatter.format(StrategyJson.fromJson(tested.toString()));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Double reasonValue(JsonNode reasons, String criterion) {
        if (reasons == null) {
            return null;
        }
        for (JsonNode reason : reasons) {
            if (criterion.equals(text(reason, "criterion")) && reason.path("value").isNumber()) {
                return reason.path("value").asDouble();
            }
        }
        return null;
    }

    private JsonNode tree(String text) {
        return text == null ? null : json.readTree(text);
    }

    private static Double number(String text) {
        return text == null || text.equals("null") ? null : Double.valueOf(text);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static UUID id(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    private static Instant time(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
