-- Outbox tracing (Outbox, OutboxRelay): the W3C traceparent of the span that wrote a message, so the relay, which
-- sends from a scheduled task, can send it as part of that trace (its Kafka record then carries a traceparent of the
-- same trace). Null when the writer ran outside a trace. Repeatable and idempotent for the reason given in
-- R__outbox_parking.sql (outbox_message lives in every service's schema, beside the service's own versions).
ALTER TABLE outbox_message ADD COLUMN IF NOT EXISTS traceparent TEXT;
