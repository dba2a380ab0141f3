-- Run once per database by the local stack and by the Postgres image's init in docker-compose.
-- The extension needs a superuser; each service's Flyway migrations create and own their schema.
CREATE EXTENSION IF NOT EXISTS vector;
