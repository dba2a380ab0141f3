CREATE TABLE strategy (
    id          uuid        PRIMARY KEY,
    name        text,
    definition  jsonb       NOT NULL,
    source_text text,
    created_at  timestamptz NOT NULL
);
CREATE INDEX strategy_created_at ON strategy (created_at DESC);

-- One backtest or optimisation job: its request, where it stands, and (once done) its full result.
CREATE TABLE backtest (
    id           uuid        PRIMARY KEY,
    kind         text        NOT NULL CHECK (kind IN ('BACKTEST', 'OPTIMIZE')),
    status       text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    strategy_id  uuid        REFERENCES strategy (id),
    request      jsonb       NOT NULL,
    result       jsonb,
    error        text,
    run_id       uuid,
    created_at   timestamptz NOT NULL,
    started_at   timestamptz,
    completed_at timestamptz,
    version      bigint      NOT NULL DEFAULT 0
);
CREATE INDEX backtest_unfinished ON backtest (created_at) WHERE status IN ('QUEUED', 'RUNNING');
