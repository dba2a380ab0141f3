package io.tradingedu.support.outage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.support.outage.TransientFailures.DatabaseOutage;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class TransientFailuresTest {

    /** What PgJDBC throws when nothing listens on the database port. */
    private static SQLException refusedByDriver() {
        return new SQLException("Connection to localhost:5432 refused", "08001",
                new ConnectException("Connection refused"));
    }

    /** What Hikari throws when no connection could be made within its connection timeout. */
    private static SQLTransientConnectionException poolTimedOut(SQLException lastFailure) {
        return new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out "
                + "after 3000ms", lastFailure == null ? null : lastFailure.getSQLState(), lastFailure);
    }

    @Test
    void aDatabaseThatRefusesConnectionsIsUnreachable() {
        var failure = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                poolTimedOut(refusedByDriver()));

        assertThat(TransientFailures.databaseOutage(failure)).contains(DatabaseOutage.UNREACHABLE);
        assertThat(TransientFailures.isTransient(failure)).isTrue();
    }

    @Test
    void aTransactionThatCannotBeginForAnUnreachableDatabaseIsAnOutage() {
        // JDBC and JPA transaction managers both wrap the pool's failure like this
        var failure = new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                new RuntimeException("Unable to acquire JDBC Connection", poolTimedOut(refusedByDriver())));

        assertThat(TransientFailures.databaseOutage(failure)).contains(DatabaseOutage.UNREACHABLE);
    }

    @Test
    void aServerShuttingDownOrLosingTheConnectionMidQueryIsUnreachable() {
        var shutdown = new UncategorizedSQLException("select", "select 1",
                new SQLException("terminating connection due to administrator command", "57P01"));
        var lostOnCommit = new TransactionSystemException("Could not commit JDBC transaction",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));

        assertThat(TransientFailures.databaseOutage(shutdown)).contains(DatabaseOutage.UNREACHABLE);
        assertThat(TransientFailures.databaseOutage(lostOnCommit)).contains(DatabaseOutage.UNREACHABLE);
    }

    @Test
    void aRollbackThatFailsOnTheDeadConnectionStillShowsTheOutageBehindIt() {
        var queryFailed = new DataAccessResourceFailureException("select",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        var rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(queryFailed);

        assertThat(TransientFailures.databaseOutage(rollbackFailed)).contains(DatabaseOutage.UNREACHABLE);
    }

    @Test
    void aPoolWithNoFreeConnectionOrALockConflictIsBusy() {
        var exhausted = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", poolTimedOut(null));
        var deadlock = new PessimisticLockingFailureException("deadlock",
                new SQLException("deadlock detected", "40P01"));

        assertThat(TransientFailures.databaseOutage(exhausted)).contains(DatabaseOutage.BUSY);
        assertThat(TransientFailures.databaseOutage(deadlock)).contains(DatabaseOutage.BUSY);
        assertThat(TransientFailures.databaseOutage(new CannotAcquireLockException("lock not available")))
                .contains(DatabaseOutage.BUSY);
        assertThat(TransientFailures.databaseOutage(new UncategorizedSQLException("insert", "insert",
                new SQLException("sorry, too many clients already", "53300")))).contains(DatabaseOutage.BUSY);
    }

    @Test
    void failuresThatTheSameInputMeetsAgainAreNotTransient() {
        assertThat(TransientFailures.isTransient(new DuplicateKeyException("duplicate key"))).isFalse();
        assertThat(TransientFailures.isTransient(new DataIntegrityViolationException("null value in column"))).isFalse();
        assertThat(TransientFailures.isTransient(new BadSqlGrammarException("select", "select nope",
                new SQLException("relation does not exist", "42P01")))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("a bug"))).isFalse();
        // tied to the input: a statement that always times out, an index row too large, a too-deep jsonb, a query
        // that runs the server out of memory; Spring translates the 53/54 states to the generic resource failure
        assertThat(TransientFailures.isTransient(new QueryTimeoutException("canceling statement due to statement "
                + "timeout", new SQLException("canceling statement due to statement timeout", "57014")))).isFalse();
        for (String state : new String[] {"54000", "54001", "53200"}) {
            assertThat(TransientFailures.isTransient(new DataAccessResourceFailureException("insert",
                    new SQLException("limit", state)))).as(state).isFalse();
        }
        assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
        assertThat(TransientFailures.isTransient(new PipelineMessages.UnreadableMessageException("not JSON", null)))
                .isFalse();
    }

    @Test
    void findsTheSignalInsideTheListenerWrapper() {
        var failure = new ListenerExecutionFailedException("Listener method threw",
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", poolTimedOut(null)));

        assertThat(TransientFailures.isTransient(failure)).isTrue();
    }

    @Test
    void aPeerRefusingConnectionsIsTransientButNoDatabaseOutage() {
        var failure = new IllegalStateException("embedding call failed", new ConnectException("Connection refused"));

        assertThat(TransientFailures.isTransient(failure)).isTrue();
        assertThat(TransientFailures.databaseOutage(failure)).isEmpty();
    }

    @Test
    void survivesACauseCycle() {
        var first = new IllegalStateException("first");
        var second = new IllegalArgumentException("second", first);
        first.initCause(second);

        assertThat(TransientFailures.isTransient(first)).isFalse();
    }
}
