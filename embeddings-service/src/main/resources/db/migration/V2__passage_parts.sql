-- Small-to-big retrieval: a transcript window (20–40 s of speech) is embedded as a whole and, here, sentence by
-- sentence. A question answered by one sentence is closer to that sentence's vector than to the window's, whose
-- meaning is the average of everything said in it; the search ranks a window by the better of the two.
--
-- Written in the same transaction as the passages and deleted with them. Like embeddings.passage, every row says which
-- model made it, and the HNSW index is over the cast for the dimension in use.

CREATE TABLE embeddings.passage_part (
    id         BIGSERIAL PRIMARY KEY,
    passage_id BIGINT  NOT NULL REFERENCES embeddings.passage (id) ON DELETE CASCADE,
    seq        INT     NOT NULL,   -- order within the passage
    model      TEXT    NOT NULL,
    dimension  INT     NOT NULL,
    embedding  vector  NOT NULL,
    UNIQUE (passage_id, seq)
);

CREATE INDEX passage_part_embedding_384 ON embeddings.passage_part
    USING hnsw ((embedding::vector(384)) vector_cosine_ops) WITH (m = 16, ef_construction = 64)
    WHERE dimension = 384;
