-- The search index, owned by embeddings-service (schema "embeddings"). A passage is a stretch of a lesson a trader can
-- land on: a transcript window, a frame with its on-screen text, or a clip. Stage 6 replaces a media item's passages
-- in one transaction; deleting the media item deletes them.
--
-- The vector column has no fixed dimension and every row says which model made it, so switching models is a
-- re-index (POST /reindex), not a migration. HNSW needs a fixed dimension: the index is built over the cast for the
-- dimension in use (all-MiniLM-L6-v2: 384), and queries repeat the same cast and predicate so the planner uses it.

CREATE TABLE embeddings.passage (
    id            BIGSERIAL PRIMARY KEY,
    media_id      UUID             NOT NULL,
    kind          TEXT             NOT NULL CHECK (kind IN ('transcript', 'frame', 'clip')),
    seq           INT              NOT NULL,   -- order within the media item and kind
    source_id     UUID,                        -- the frame's or the clip's id in the analysis views
    start_seconds DOUBLE PRECISION NOT NULL,
    end_seconds   DOUBLE PRECISION NOT NULL,
    text          TEXT             NOT NULL,
    keywords      TEXT[]           NOT NULL,   -- lexicon keywords mentioned in the passage's time range, lower case
    categories    TEXT[]           NOT NULL,
    model         TEXT             NOT NULL,
    dimension     INT              NOT NULL,
    embedding     vector           NOT NULL,
    text_search   tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
    created_at    TIMESTAMPTZ      NOT NULL DEFAULT now(),
    UNIQUE (media_id, kind, seq)
);

CREATE INDEX passage_embedding_384 ON embeddings.passage
    USING hnsw ((embedding::vector(384)) vector_cosine_ops) WITH (m = 16, ef_construction = 64)
    WHERE dimension = 384;
CREATE INDEX passage_text_search ON embeddings.passage USING gin (text_search);
CREATE INDEX passage_keywords ON embeddings.passage USING gin (keywords);
CREATE INDEX passage_categories ON embeddings.passage USING gin (categories);
CREATE INDEX passage_model ON embeddings.passage (model);

-- Media items deleted while their stage 6 may still be running: a late reply must not bring their passages back.
CREATE TABLE embeddings.forgotten_media (
    media_id     UUID PRIMARY KEY,
    forgotten_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
