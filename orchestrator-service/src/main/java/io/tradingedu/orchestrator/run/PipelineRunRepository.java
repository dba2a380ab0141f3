package io.tradingedu.orchestrator.run;

import java.time.Instant;
import java.util.List;
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
}
