package io.tradingedu.backtesting.backtest;

import io.tradingedu.backtesting.marketdata.InstanceIdentity;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job queue's rows as several instances share them. Every change of a queued job is one conditional statement,
 * so two instances never both win: a claim takes the oldest claimable row with {@code FOR UPDATE SKIP LOCKED}, and
 * renewing, finishing and releasing change the row only while this instance still owns it. Times are the
 * database's, so instances need not agree on the clock. Each statement holds a connection only while it runs.
 */
@Component
class JobLeases {

    /** The advisory lock that serialises "count the queue, then add to it" across instances. */
    private static final long QUEUE_LOCK = 0x6274_7175_6575_6500L; // "btqueue"

    /** Rows a free thread may claim: queued, or running under a lease that ran out (or never had one). */
    private static final String CLAIMABLE = "(status = 'QUEUED' OR (status = 'RUNNING' "
            + "AND (lease_expires_at IS NULL OR lease_expires_at < now())))";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JobProperties properties;
    private final String owner;
    private final JobMetrics metrics;

    JobLeases(JdbcTemplate jdbc, TransactionTemplate transactions, JobProperties properties,
              InstanceIdentity instance, JobMetrics metrics) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.owner = instance.id();
        this.metrics = metrics;
    }

    String owner() {
        return owner;
    }

    /**
     * Claims the oldest claimable job for this instance, first failing jobs that already had every attempt (their
     * instance died while running them each time, so they may be what kills it). Jobs this process runs are left
     * alone by both: after an outage longer than the lease they look claimable, but they are not to run twice here
     * (an instance restarted under the same name does claim the jobs its previous process left).
     *
     * @param runningHere the jobs this process is running now
     */
    Optional<Claimed> claimNext(Collection<UUID> runningHere) {
        String exclude = uuidArray(runningHere);
        return transactions.execute(status -> {
            jdbc.update("""
                    UPDATE backtest SET status = 'FAILED', completed_at = now(), owner = NULL,
                        lease_expires_at = NULL, version = version + 1,
                        error = 'not run again: the instance running it stopped ' || attempts || ' times while it '
                            || 'ran (for example out of memory); submit it again with a shorter range or a smaller grid'
                    WHERE id IN (SELECT id FROM backtest WHERE status = 'RUNNING'
                                 AND (lease_expires_at IS NULL OR lease_expires_at < now()) AND attempts >= ?
                                 AND NOT (id = ANY (CAST(? AS uuid[])))
                                 FOR UPDATE SKIP LOCKED)""", properties.maxAttempts(), exclude);
            List<Claimed> claimed = jdbc.query("""
                    UPDATE backtest b SET status = 'RUNNING', owner = ?,
                        lease_expires_at = now() + make_interval(secs => ?), attempts = b.attempts + 1,
                        started_at = coalesce(b.started_at, now()), version = b.version + 1,
                        error = CASE WHEN b.status = 'RUNNING'
                            THEN 'resumed after the instance running it stopped renewing its lease, at ' || now()
                            ELSE b.error END
                    WHERE b.id = (SELECT id FROM backtest WHERE""" + " " + CLAIMABLE + """
                                  AND NOT (id = ANY (CAST(? AS uuid[])))
                                  ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                    RETURNING b.id, b.request, b.attempts""",
                    (rs, i) -> new Claimed(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3)),
                    owner, seconds(), exclude);
            return claimed.stream().findFirst();
        });
    }

    /** Extends the lease of a job this instance runs; false when it is no longer ours (cancelled, taken over). */
    boolean renew(UUID id) {
        return jdbc.update("""
                UPDATE backtest SET lease_expires_at = now() + make_interval(secs => ?)
                WHERE id = ? AND owner = ? AND status = 'RUNNING'""", seconds(), id, owner) == 1;
    }

    /**
     * Stores a job's outcome if this instance still owns it.
     *
     * @param result the result JSON, or null when the job failed
     * @param error  why it failed, or null when it completed
     * @return false when the job was cancelled or taken over meanwhile: the outcome is dropped
     */
    boolean finish(UUID id, String result, String error) {
        List<Ended> ended = jdbc.query("""
                UPDATE backtest SET status = ?, result = CAST(? AS jsonb), error = ?, completed_at = now(),
                    owner = NULL, lease_expires_at = NULL, version = version + 1
                WHERE id = ? AND owner = ? AND status = 'RUNNING'
                RETURNING kind, EXTRACT(EPOCH FROM completed_at - started_at)""",
                (rs, i) -> new Ended(JobKind.valueOf(rs.getString(1)),
                        Duration.ofNanos((long) (rs.getDouble(2) * 1e9))),
                result != null ? "COMPLETED" : "FAILED", result, error, id, owner);
        // timed here: queued jobs end through this statement, not through the entity JobMetrics listens to
        ended.forEach(job -> metrics.ended(id, job.kind(), result != null ? "completed" : "failed", job.took()));
        return !ended.isEmpty();
    }

    /** What a finished job's row says of it, for its timer. */
    private record Ended(JobKind kind, Duration took) {
    }

    /**
     * Gives a job back to the queue when this instance stops in order: another claims it at once and the stop does
     * not count as an attempt, so rolling restarts do not use up a long job's attempts.
     */
    boolean release(UUID id) {
        return jdbc.update("""
                UPDATE backtest SET status = 'QUEUED', owner = NULL, lease_expires_at = NULL,
                    attempts = greatest(attempts - 1, 0), version = version + 1
                WHERE id = ? AND owner = ? AND status = 'RUNNING'""", id, owner) == 1;
    }

    /**
     * Gives back the attempt this instance's claim used, when it finds that another instance took the job over while
     * this one still ran it (its renewals failed for longer than the lease: a database outage, a long pause). The
     * attempts count instance deaths; this instance did not die. A cancelled or finished job is left as it is.
     *
     * @return whether an attempt was given back
     */
    boolean returnAttempt(UUID id) {
        return jdbc.update("""
                UPDATE backtest SET attempts = greatest(attempts - 1, 0), version = version + 1
                WHERE id = ? AND status IN ('QUEUED', 'RUNNING') AND owner IS DISTINCT FROM ?""", id, owner) == 1;
    }

    /**
     * Queued and running jobs of every instance, counted under a lock held until the caller's transaction ends, so
     * two instances queueing at once cannot both take the last place.
     */
    long lockQueueAndCount() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the queue is counted and locked in the transaction that adds to it");
        }
        jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> { }, QUEUE_LOCK);
        return jdbc.queryForObject("SELECT count(*) FROM backtest WHERE status IN ('QUEUED', 'RUNNING')", Long.class);
    }

    /** A PostgreSQL array literal of the ids (UUIDs need no quoting). */
    private static String uuidArray(Collection<UUID> ids) {
        StringJoiner literal = new StringJoiner(",", "{", "}");
        ids.forEach(id -> literal.add(id.toString()));
        return literal.toString();
    }

    private double seconds() {
        return properties.lease().toMillis() / 1000.0;
    }

    /** A job this instance now owns: its stored request and how many times it has been claimed, this one included. */
    record Claimed(UUID id, String request, int attempts) {
    }
}
