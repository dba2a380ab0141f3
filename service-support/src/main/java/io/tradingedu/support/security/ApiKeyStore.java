package io.tradingedu.support.security;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads API keys from the table api-service owns ({@code access.api_key}). Every service checks keys here, so a key
 * created or revoked through api-service counts everywhere at once; nothing is cached.
 */
class ApiKeyStore {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyStore.class);
    /** The lookup is one index probe; a database that takes longer is treated like one that is down. */
    private static final int QUERY_TIMEOUT_SECONDS = 5;
    private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();
    private static final String UNDEFINED_TABLE = "42P01";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final JdbcClient jdbc;
    private final String table;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    ApiKeyStore(DataSource dataSource, String table) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        this.jdbc = JdbcClient.create(template);
        this.table = table;
    }

    /**
     * The key stored under this hash, revoked or not; empty when there is none, or when the table does not exist yet
     * or may not be read (logged as a warning). A database that cannot be reached throws.
     */
    Optional<StoredKey> find(byte[] tokenHash) {
        try {
            // the table name is checked against [a-z_.] by AccessProperties; the hash is a bound parameter
            return jdbc.sql("SELECT id, name, scopes, revoked_at IS NOT NULL AS revoked FROM " + table
                            + " WHERE token_hash = ?")
                    .param(tokenHash)
                    .query((rs, row) -> new StoredKey(rs.getObject("id", UUID.class), rs.getString("name"),
                            scopes(rs.getArray("scopes")), rs.getBoolean("revoked")))
                    .optional();
        } catch (DataAccessException e) {
            String state = sqlState(e);
            if (UNDEFINED_TABLE.equals(state)) {
                warnAtMostEveryMinute("an API key was refused because the table {} does not exist: api-service "
                        + "creates it with its database migrations; start api-service once (or check that this "
                        + "service uses the same database)");
                return Optional.empty();
            }
            if (INSUFFICIENT_PRIVILEGE.equals(state)) {
                warnAtMostEveryMinute("an API key was refused because this service's database role may not read {}: "
                        + "GRANT SELECT on it (and USAGE on its schema) to the role");
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Every request with a key would log it; once a minute names the cause just as well. */
    private void warnAtMostEveryMinute(String message) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            log.warn(message, table);
        }
    }

    private static List<Scope> scopes(Array array) throws SQLException {
        List<Scope> scopes = new ArrayList<>();
        if (array != null) {
            for (Object label : (Object[]) array.getArray()) {
                // a scope this version does not know grants nothing
                Scope.of(String.valueOf(label)).ifPresent(scopes::add);
            }
        }
        return scopes;
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }

    record StoredKey(UUID id, String name, List<Scope> scopes, boolean revoked) {
    }
}
