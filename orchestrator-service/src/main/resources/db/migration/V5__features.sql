-- Stage 7: one feature set per media item (docs/features.md defines every feature), replaced when the stage runs
-- again and deleted with the item. api-service reads it only through analysis.features_v1.
-- IF NOT EXISTS / OR REPLACE: a development database that got V6 first applies this out of order, and may hold the
-- objects already; on a fresh database they change nothing.
CREATE TABLE IF NOT EXISTS analysis.feature_set (
    media_id    UUID PRIMARY KEY,
    run_id      UUID        NOT NULL,
    version     TEXT        NOT NULL,  -- the feature-set version (features-v1): names, units and formulas
    features    JSONB       NOT NULL,  -- {"name": number | string | boolean | null}; null = an input was missing
    notes       JSONB       NOT NULL,  -- ["why a feature is null", ...]
    computed_at TIMESTAMPTZ NOT NULL
);

CREATE OR REPLACE VIEW analysis.features_v1 AS
SELECT media_id, run_id, version, features, notes, computed_at
FROM analysis.feature_set;
