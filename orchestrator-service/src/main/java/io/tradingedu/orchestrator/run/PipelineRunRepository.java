package io.tradingedu.orchestrator.run;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PipelineRunRepository extends JpaRepository<PipelineRun, UUID> {

    List<PipelineRun> findByMediaIdOrderByCreatedAtDesc(UUID mediaId);

    /** Runs whose current stage's lease has expired or whose retry is due. */
    @Query("""
            select distinct s.run.id from StageExecution s
            where (s.status = io.tradingedu.orchestrator.run.StageStatus.RUNNING and s.leaseExpiresAt <= :now)
               or (s.status = io.tradingedu.orchestrator.run.StageStatus.RETRY_WAIT and s.nextAttemptAt <= :now)""")
    List<UUID> findRunsWithTimerDue(Instant now);

    /**
     * Locks a run's row for the caller's transaction unless another transaction holds it (then empty at once, without
     * waiting): the claim that lets one of several timekeepers act on a run.
     */
    @Query(value = "SELECT CAST(id AS text) FROM pipeline_run WHERE id = :runId FOR UPDATE SKIP LOCKED",
            nativeQuery = true)
    Optional<String> claimUnlessLocked(UUID runId);

    /**
     * Locks a run's row for the caller's transaction, waiting for a transaction that holds it (the timekeeper's, say)
     * to end: what is read after it is the run as that transaction left it.
     */
    @Query(value = "SELECT CAST(id AS text) FROM pipeline_run WHERE id = :runId FOR UPDATE", nativeQuery = true)
    Optional<String> lock(UUID runId);

    /** {@link #lock} for every run of a media item, in one order so that two callers cannot deadlock. */
    @Query(value = "SELECT CAST(id AS text) FROM pipeline_run WHERE media_id = :mediaId ORDER BY id FOR UPDATE",
            nativeQuery = true)
    List<String> lockByMedia(UUID mediaId);
}
