-- The media catalogue, owned by api-service (schema "media").
CREATE TABLE media_item (
    id                UUID PRIMARY KEY,
    external_video_id TEXT        NOT NULL UNIQUE,
    filename          TEXT        NOT NULL,
    source            TEXT        NOT NULL,
    source_path       TEXT,
    source_url        TEXT,
    storage_path      TEXT        NOT NULL,
    sha256            TEXT        NOT NULL UNIQUE CHECK (length(sha256) = 64),
    size_bytes        BIGINT      NOT NULL,
    duration_seconds  DOUBLE PRECISION,
    width             INT,
    height            INT,
    fps               DOUBLE PRECISION,
    video_codec       TEXT,
    audio_codec       TEXT,
    subtitle_streams  INT,
    status            TEXT        NOT NULL,
    status_reason     TEXT,
    run_id            UUID,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    version           BIGINT      NOT NULL
);
CREATE INDEX media_item_status ON media_item (status, created_at DESC);
CREATE INDEX media_item_created ON media_item (created_at DESC);
