package io.tradingedu.orchestrator.strategies.evaluation;

import io.tradingedu.support.web.BadFieldException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a proven strategy: {@code promoted} (stage 10 found the evidence holds) → {@code active} (someone put
 * it to use) → {@code retired} (withdrawn, or its lesson was evaluated again). A promoted one may also be retired
 * directly; a retired one stays retired until stage 10 promotes its candidate again. Setting the status it already
 * has changes nothing.
 */
@Service
class ProvenStrategyLifecycle {

    static final List<String> STATUSES = List.of("promoted", "active", "retired");
    private static final Map<String, Set<String>> NEXT = Map.of(
            "promoted", Set.of("active", "retired"),
            "active", Set.of("retired"),
            "retired", Set.of());

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ProvenStrategyLifecycle(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @throws BadFieldException naming {@code status} when it is not one a person may set
     * @throws ProvenStrategyNotFoundException when there is no such proven strategy
     * @throws IllegalStatusChangeException when the change skips back in the life cycle
     */
    @Transactional
    StatusView change(UUID id, String status) {
        String wanted = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
        if (!wanted.equals("active") && !wanted.equals("retired")) {
            throw new BadFieldException("status", status == null ? "is required: active or retired"
                    : "must be active or retired; got '" + status + "'");
        }
        String current = jdbc.query("SELECT status FROM strategies.proven_strategy WHERE id = ? FOR UPDATE",
                (rs, i) -> rs.getString("status"), id).stream().findFirst()
                .orElseThrow(() -> new ProvenStrategyNotFoundException(id));
        if (current.equals(wanted)) {
            return view(id);
        }
        if (!NEXT.getOrDefault(current, Set.of()).contains(wanted)) {
            throw new IllegalStatusChangeException("proven strategy " + id + " is " + current + "; it cannot become "
                    + wanted + " (promoted → active → retired)");
        }
        jdbc.update("UPDATE strategies.proven_strategy SET status = ?, status_changed_at = ? WHERE id = ?", wanted,
                Timestamp.from(clock.instant()), id);
        return view(id);
    }

    private StatusView view(UUID id) {
        return jdbc.queryForObject("""
                SELECT id, strategy_id, status, score, status_changed_at FROM strategies.proven_strategy
                WHERE id = ?""", (rs, i) -> new StatusView(rs.getObject("id", UUID.class),
                rs.getObject("strategy_id", UUID.class), rs.getString("status"), rs.getDouble("score"),
                rs.getTimestamp("status_changed_at").toInstant()), id);
    }

    /** A proven strategy's status, as the endpoint answers. */
    record StatusView(UUID id, UUID strategyId, String status, double score, Instant statusChangedAt) {
    }

    static class ProvenStrategyNotFoundException extends RuntimeException {
        ProvenStrategyNotFoundException(UUID id) {
            super("no proven strategy with id " + id);
        }
    }

    static class IllegalStatusChangeException extends RuntimeException {
        IllegalStatusChangeException(String message) {
            super(message);
        }
    }
}
