-- What the media stages 2-5 found, owned by orchestrator-service's workers (schema "analysis"). Each stage replaces a
-- media item's rows of its own tables when it runs again; deleting the media item deletes them all.
-- api-service reads them only through the *_v1 views at the end (columns are only ever appended).

CREATE TABLE analysis.transcript (
    media_id         UUID PRIMARY KEY,
    run_id           UUID        NOT NULL,
    source           TEXT        NOT NULL,   -- subtitle-stream | sidecar | whisper | pocketsphinx | none
    language         TEXT,
    duration_seconds DOUBLE PRECISION,
    word_count       INT         NOT NULL,
    mean_confidence  DOUBLE PRECISION,
    notes            TEXT,
    created_at       TIMESTAMPTZ NOT NULL
);

CREATE TABLE analysis.transcript_segment (
    media_id      UUID             NOT NULL REFERENCES analysis.transcript (media_id) ON DELETE CASCADE,
    seq           INT              NOT NULL,
    start_seconds DOUBLE PRECISION NOT NULL,
    end_seconds   DOUBLE PRECISION NOT NULL,
    text          TEXT             NOT NULL,
    raw_text      TEXT,                      -- before trading-language normalisation, when it differs
    confidence    DOUBLE PRECISION,
    words         JSONB,                     -- [{"w": "RSI", "s": 1.2, "e": 1.5, "c": 0.93}, ...] when known
    PRIMARY KEY (media_id, seq)
);

CREATE TABLE analysis.frame (
    id               UUID PRIMARY KEY,
    media_id         UUID             NOT NULL,
    seq              INT              NOT NULL,
    time_seconds     DOUBLE PRECISION NOT NULL,
    selection        TEXT             NOT NULL, -- scene | interval
    image_path       TEXT             NOT NULL,
    width            INT              NOT NULL,
    height           INT              NOT NULL,
    ocr_text         TEXT,
    ocr_confidence   DOUBLE PRECISION,
    has_trading_text BOOLEAN          NOT NULL,
    UNIQUE (media_id, seq)
);

CREATE TABLE analysis.keyword_hit (
    id            UUID PRIMARY KEY,
    media_id      UUID             NOT NULL,
    keyword       TEXT             NOT NULL,
    category      TEXT             NOT NULL,
    matched_text  TEXT             NOT NULL,
    start_seconds DOUBLE PRECISION NOT NULL,
    end_seconds   DOUBLE PRECISION NOT NULL,
    confidence    DOUBLE PRECISION NOT NULL,
    context       TEXT             NOT NULL,
    source        TEXT             NOT NULL, -- subtitle | transcript | ocr
    frame_id      UUID,
    lexicon_version TEXT           NOT NULL
);
CREATE INDEX keyword_hit_media ON analysis.keyword_hit (media_id, start_seconds);
CREATE INDEX keyword_hit_keyword ON analysis.keyword_hit (keyword);
CREATE INDEX keyword_hit_category ON analysis.keyword_hit (category);

CREATE TABLE analysis.clip (
    id                 UUID PRIMARY KEY,
    media_id           UUID             NOT NULL,
    seq                INT              NOT NULL,
    start_seconds      DOUBLE PRECISION NOT NULL,
    end_seconds        DOUBLE PRECISION NOT NULL,
    duration_seconds   DOUBLE PRECISION NOT NULL,
    file_path          TEXT             NOT NULL,
    thumbnail_path     TEXT,
    size_bytes         BIGINT           NOT NULL,
    cut_mode           TEXT             NOT NULL, -- reencode | copy
    score              DOUBLE PRECISION NOT NULL,
    keywords           TEXT[]           NOT NULL,
    categories         TEXT[]           NOT NULL,
    transcript_excerpt TEXT,
    created_at         TIMESTAMPTZ      NOT NULL,
    UNIQUE (media_id, seq)
);
CREATE INDEX clip_keywords ON analysis.clip USING gin (keywords);
CREATE INDEX clip_categories ON analysis.clip USING gin (categories);

CREATE TABLE analysis.concept (
    id            UUID PRIMARY KEY,
    media_id      UUID             NOT NULL,
    seq           INT              NOT NULL,
    kind          TEXT             NOT NULL, -- indicator | condition | risk_rule | chart_pattern | timeframe | direction | instrument
    name          TEXT             NOT NULL,
    details       JSONB            NOT NULL, -- parameters, or the condition in the strategy language's JSON
    text_form     TEXT,                      -- the strategy language's compact text, where it has one
    start_seconds DOUBLE PRECISION NOT NULL,
    end_seconds   DOUBLE PRECISION NOT NULL,
    quote         TEXT             NOT NULL,
    confidence    DOUBLE PRECISION NOT NULL,
    source        TEXT             NOT NULL, -- transcript | ocr
    UNIQUE (media_id, seq)
);

CREATE VIEW analysis.transcripts_v1 AS
SELECT media_id, run_id, source, language, duration_seconds, word_count, mean_confidence, notes, created_at
FROM analysis.transcript;

CREATE VIEW analysis.transcript_segments_v1 AS
SELECT media_id, seq, start_seconds, end_seconds, text, confidence, words
FROM analysis.transcript_segment;

CREATE VIEW analysis.frames_v1 AS
SELECT id, media_id, seq, time_seconds, selection, image_path, width, height, ocr_text, ocr_confidence,
       has_trading_text
FROM analysis.frame;

CREATE VIEW analysis.keyword_hits_v1 AS
SELECT id, media_id, keyword, category, matched_text, start_seconds, end_seconds, confidence, context, source,
       frame_id, lexicon_version
FROM analysis.keyword_hit;

CREATE VIEW analysis.clips_v1 AS
SELECT id, media_id, seq, start_seconds, end_seconds, duration_seconds, file_path, thumbnail_path, size_bytes, cut_mode,
       score, keywords, categories, transcript_excerpt, created_at
FROM analysis.clip;

CREATE VIEW analysis.concepts_v1 AS
SELECT id, media_id, seq, kind, name, details, text_form, start_seconds, end_seconds, quote, confidence, source
FROM analysis.concept;
