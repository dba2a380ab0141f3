-- API keys (schema "access", owned by api-service; docs/security.md). Every service reads this table to check the
-- keys sent as "Authorization: Bearer te_..."; only api-service writes it (POST/DELETE /admin/api_keys, bootstrap).
-- A key is stored only as the SHA-256 of the whole token: it is 32 random bytes, so a fast hash is enough.
CREATE SCHEMA IF NOT EXISTS access;

CREATE TABLE access.api_key (
    id          UUID PRIMARY KEY,
    name        TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    prefix      TEXT        NOT NULL CHECK (length(prefix) = 8),
    token_hash  BYTEA       NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    scopes      TEXT[]      NOT NULL CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['read', 'write', 'admin']),
    created_at  TIMESTAMPTZ NOT NULL,
    revoked_at  TIMESTAMPTZ
);

-- the admin listing pages by creation; the active-key cap counts unrevoked rows
CREATE INDEX api_key_created ON access.api_key (created_at DESC, id);
CREATE INDEX api_key_active ON access.api_key (revoked_at) WHERE revoked_at IS NULL;
