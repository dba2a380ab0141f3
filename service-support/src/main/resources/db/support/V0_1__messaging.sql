-- Messaging tables every service owns in its own schema (Flyway runs this with the service's schema as default).

-- Transactional outbox: a state change and the messages it causes commit together; OutboxRelay publishes them.
CREATE TABLE outbox_message (
    id           BIGSERIAL PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    message_key  TEXT        NOT NULL,
    message_type TEXT        NOT NULL,
    payload      TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_message_unpublished ON outbox_message (id) WHERE published_at IS NULL;

-- Idempotent consumption: a handler records the event it processed in its own transaction; a duplicate is skipped.
CREATE TABLE processed_event (
    consumer     TEXT        NOT NULL,
    event_id     UUID        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
