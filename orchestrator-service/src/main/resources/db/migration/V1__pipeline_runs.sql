-- Pipeline runs and their stage executions, owned by orchestrator-service (schema "pipeline").

CREATE TABLE pipeline_run (
    id             UUID PRIMARY KEY,
    media_id       UUID        NOT NULL,
    media_path     TEXT        NOT NULL,
    status         TEXT        NOT NULL,
    current_stage  TEXT,
    failure_reason TEXT,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ,
    version        BIGINT      NOT NULL
);
CREATE INDEX pipeline_run_media ON pipeline_run (media_id);

CREATE TABLE stage_execution (
    id               BIGSERIAL PRIMARY KEY,
    run_id           UUID        NOT NULL REFERENCES pipeline_run (id) ON DELETE CASCADE,
    stage            TEXT        NOT NULL,
    position         INT         NOT NULL,
    status           TEXT        NOT NULL,
    attempt          INT         NOT NULL,
    max_attempt      INT         NOT NULL,
    started_at       TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ,
    lease_expires_at TIMESTAMPTZ,
    next_attempt_at  TIMESTAMPTZ,
    error_reason     TEXT,
    summary          TEXT,
    output           JSONB,
    UNIQUE (run_id, stage)
);
-- The timekeeper looks for expired leases and due retries.
CREATE INDEX stage_execution_leases ON stage_execution (lease_expires_at) WHERE status = 'RUNNING';
CREATE INDEX stage_execution_retries ON stage_execution (next_attempt_at) WHERE status = 'RETRY_WAIT';

-- Published contract: api-service reads run progress through this view only (columns are only ever added).
CREATE VIEW run_progress_v1 AS
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
       s.summary
FROM pipeline_run r
JOIN stage_execution s ON s.run_id = r.id;
