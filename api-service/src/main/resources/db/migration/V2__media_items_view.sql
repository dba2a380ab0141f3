-- What other services may read of the catalogue (columns are only ever appended). embeddings-service reads the
-- filename: a lesson's title, which gives each of its passages its context.
CREATE VIEW media_items_v1 AS
SELECT id AS media_id, filename, source_url, duration_seconds, created_at
FROM media_item;
