-- Stages 8–10: candidate strategies taught in a lesson, their backtest results, the decision on each and the proven
-- strategies. Owned by orchestrator-service; api-service reads only the views strategies.*_v1.
CREATE SCHEMA IF NOT EXISTS strategies;

CREATE TABLE strategies.strategy (
    id               UUID PRIMARY KEY,
    media_id         UUID        NOT NULL,
    run_id           UUID        NOT NULL,
    key              TEXT        NOT NULL,  -- unique per media item (s1, s2, …); stage 9 echoes it
    name             TEXT        NOT NULL,
    source           TEXT        NOT NULL,  -- rules | llm
    definition       JSONB       NOT NULL,  -- the strategy language's JSON, as generated
    text_form        TEXT        NOT NULL,  -- the compact text of definition
    assumed          JSONB       NOT NULL,  -- [{"field", "value", "reason"}]: what the lesson left unstated
    evidence         JSONB       NOT NULL,  -- [{"concept_id", "kind", "text_form", "quote", "start_seconds", "end_seconds", "clip_ids"}]
    tuning           JSONB       NOT NULL,  -- [{"paths", "from", "to", "step", "reason"}]: parameters the lesson left open
    backtest         JSONB,                 -- stage 9's result for this strategy (backtest ids, metrics per period, variants)
    tested_definition JSONB,                -- the variant that was judged out of sample (definition with tuned parameters)
    decision         TEXT,                  -- promoted | rejected; null until stage 10
    decision_reasons JSONB,                 -- [{"criterion", "passed", "value", "threshold", "text"}]
    decided_at       TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL,
    UNIQUE (media_id, key)
);
CREATE INDEX strategy_by_media ON strategies.strategy (media_id);
CREATE INDEX strategy_by_decision ON strategies.strategy (decision, decided_at DESC);

CREATE TABLE strategies.proven_strategy (
    id                UUID PRIMARY KEY,
    strategy_id       UUID             NOT NULL UNIQUE REFERENCES strategies.strategy (id) ON DELETE CASCADE,
    status            TEXT             NOT NULL,  -- promoted | active | retired
    score             DOUBLE PRECISION NOT NULL,  -- the rank of GET /proven_strategies (documented in docs/evaluation.md)
    promoted_at       TIMESTAMPTZ      NOT NULL,
    status_changed_at TIMESTAMPTZ      NOT NULL
);

CREATE VIEW strategies.strategies_v1 AS
SELECT id, media_id, run_id, key, name, source, definition, text_form, assumed, evidence, tuning, backtest,
       tested_definition, decision, decision_reasons, decided_at, created_at
FROM strategies.strategy;

CREATE VIEW strategies.proven_strategies_v1 AS
SELECT p.id, p.strategy_id, p.status, p.score, p.promoted_at, p.status_changed_at,
       s.media_id, s.key, s.name, s.text_form, s.definition, s.tested_definition, s.backtest, s.decision_reasons
FROM strategies.proven_strategy p
JOIN strategies.strategy s ON s.id = p.strategy_id;
