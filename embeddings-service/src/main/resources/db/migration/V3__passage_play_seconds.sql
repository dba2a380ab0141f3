-- Where playing a passage starts. A frame passage's range spans the speech embedded with it, but the moment to show is
-- the frame's own second. Rows written before this column play from their start (the search reads
-- coalesce(play_seconds, start_seconds)).
ALTER TABLE embeddings.passage ADD COLUMN play_seconds DOUBLE PRECISION;
