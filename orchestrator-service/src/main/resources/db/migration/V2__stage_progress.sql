-- Workers report how far a long stage got (StageProgressed); the run shows it and the lease is renewed.
ALTER TABLE stage_execution ADD COLUMN progress TEXT;

-- Columns are only ever appended to the published view.
CREATE OR REPLACE VIEW run_progress_v1 AS
SELECT r.id             AS run_id,
       r.media_id,
       r.status         AS run_status,
       r.current_stage,
       r.failure_reason,
       r.created_at     AS run_created_at,
       r.finished_at    AS run_finished_at,
       s.stage,
       s.position,
       s.status         AS stage_status,
       s.attempt,
       s.started_at,
       s.finished_at,
       s.error_reason,
       s.summary,
       s.progress
FROM pipeline_run r
JOIN stage_execution s ON s.run_id = r.id;
