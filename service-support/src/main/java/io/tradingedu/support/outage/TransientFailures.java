package io.tradingedu.support.outage;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure that passes by itself (the database is away or too busy, a peer refuses connections) from one
 * that the same input will meet again (a bug, a constraint, a bad message). The web layer answers the first with a
 * 503 and Retry-After; the Kafka error handler retries it without limit instead of dead-lettering the message.
 *
 * <p>The whole cause chain is read, because the signal is often wrapped: Hikari's "connection is not available"
 * inside Spring's {@code CannotGetJdbcConnectionException}, or inside {@code CannotCreateTransactionException} when
 * a JPA or JDBC transaction cannot begin, a listener's exception inside spring-kafka's own, or the query's failure
 * behind a rollback that failed on the same dead connection.
 *
 * <ul>
 *   <li><b>database unreachable</b>: an {@link SQLException} of SQL state class {@code 08} (connection exception),
 *       {@code 57P01..57P03} (the server is shutting down, crashed or starting), a JDBC connection exception,
 *       or a refused TCP connection under a data-access failure;</li>
 *   <li><b>database busy</b>: no pooled connection in time ({@code CannotGetJdbcConnectionException}, a JDBC
 *       {@link SQLTransientConnectionException}), Spring's {@link ConcurrencyFailureException} (lock, deadlock,
 *       serialization conflict) and {@link TransientDataAccessResourceException}, SQL states {@code 40001},
 *       {@code 40P01}, {@code 55P03} and {@code 53300} (too many connections); not a statement timeout, out of
 *       memory or a program limit, which the same input meets again;</li>
 *   <li><b>connection refused</b> without a database around it (a peer service is down): transient for a consumer,
 *       but not a database outage for the web layer.</li>
 * </ul>
 * Everything else, unclassified exceptions included, is not transient.
 */
public final class TransientFailures {

    /** How a database failure shows: the two answer the same way, but say different things to the caller. */
    public enum DatabaseOutage {
        /** No connection can be opened: the server is down, restarting or not reachable over the network. */
        UNREACHABLE,
        /** The server answers but not now: no pooled connection free in time, a lock, a deadlock, a timeout. */
        BUSY
    }

    // deeper chains are not produced by the frameworks; the bound also guards against a cause cycle
    private static final int MAX_DEPTH = 32;

    private TransientFailures() {
    }

    /** Whether the failure is expected to pass without any change to the input that caused it. */
    public static boolean isTransient(Throwable failure) {
        return databaseOutage(failure).isPresent() || chain(failure).stream().anyMatch(TransientFailures::refused);
    }

    /** The database outage behind this failure, if it is one. */
    public static Optional<DatabaseOutage> databaseOutage(Throwable failure) {
        Set<Throwable> chain = chain(failure);
        if (chain.stream().noneMatch(TransientFailures::fromDatabase)) {
            return Optional.empty();
        }
        if (chain.stream().anyMatch(cause -> unreachable(cause) || refused(cause))) {
            return Optional.of(DatabaseOutage.UNREACHABLE);
        }
        if (chain.stream().anyMatch(TransientFailures::busy)) {
            return Optional.of(DatabaseOutage.BUSY);
        }
        return Optional.empty();
    }

    private static boolean fromDatabase(Throwable cause) {
        return cause instanceof DataAccessException || cause instanceof TransactionException
                || cause instanceof SQLException;
    }

    private static boolean unreachable(Throwable cause) {
        if (cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException) {
            return true;
        }
        String state = sqlState(cause);
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }

    /**
     * Only what passes by itself: no pooled connection in time, lock and serialization conflicts, too many
     * connections. Not a statement timeout, out of memory or a program limit (SQL classes 53/54, 57014): the same
     * input meets them again, and Spring translates unknown states of those classes into the generic
     * {@code DataAccessResourceFailureException}, which is therefore not enough on its own.
     */
    private static boolean busy(Throwable cause) {
        if (cause instanceof CannotGetJdbcConnectionException || cause instanceof ConcurrencyFailureException
                || cause instanceof TransientDataAccessResourceException
                || cause instanceof SQLTransientConnectionException) {
            return true;
        }
        String state = sqlState(cause);
        return state.equals("40001") || state.equals("40P01") || state.equals("55P03") || state.equals("53300");
    }

    private static boolean refused(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof NoRouteToHostException;
    }

    private static String sqlState(Throwable cause) {
        return cause instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
    }

    /**
     * The failure, its causes, and the failure a transaction manager could not roll back after: when a connection
     * dies mid-transaction, the rollback fails too, and the original error is kept beside the cause, not in it.
     */
    private static Set<Throwable> chain(Throwable failure) {
        Set<Throwable> chain = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>(List.of(failure));
        while (!next.isEmpty() && chain.size() < MAX_DEPTH) {
            Throwable cause = next.pop();
            if (!chain.add(cause)) {
                continue;
            }
            if (cause.getCause() != null) {
                next.push(cause.getCause());
            }
            if (cause instanceof TransactionSystemException tx && tx.getApplicationException() != null) {
                next.push(tx.getApplicationException());
            }
        }
        return chain;
    }
}
