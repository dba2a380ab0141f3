-- The dashboard's Statistics (api-service, through run_progress_v1) read the runs created within a window
-- (DASHBOARD_STATS_WINDOW, 30 days) and every active run; without these each read scanned the whole run history.
-- stage_execution is reached from a run through its UNIQUE (run_id, stage) index.
CREATE INDEX pipeline_run_created ON pipeline_run (created_at);
CREATE INDEX pipeline_run_active ON pipeline_run (status) WHERE status IN ('PENDING', 'RUNNING');
