-- Outbox parking (OutboxRelay): a message the broker can never accept (too large, invalid topic, unserialisable) is
-- set aside with its reason instead of blocking the relay; so is every later message of the same key, so no reader
-- sees a key's messages out of order. An operator releases a key after fixing the cause:
--   UPDATE outbox_message SET parked_at = NULL, parked_reason = NULL WHERE message_key = '…' AND published_at IS NULL;
-- Repeatable and idempotent rather than versioned: outbox_message is created by the shared V0_1 in every service's
-- schema, and a shared versioned script numbered below a service's own applied versions would be rejected by Flyway's
-- validation on existing databases.
ALTER TABLE outbox_message ADD COLUMN IF NOT EXISTS parked_at TIMESTAMPTZ;
ALTER TABLE outbox_message ADD COLUMN IF NOT EXISTS parked_reason TEXT;

-- what the relay claims: neither published nor parked
CREATE INDEX IF NOT EXISTS outbox_message_pending ON outbox_message (id)
    WHERE published_at IS NULL AND parked_at IS NULL;
-- "does this key have a parked message?" for each key the relay is about to send
CREATE INDEX IF NOT EXISTS outbox_message_parked_key ON outbox_message (message_key, id) WHERE parked_at IS NOT NULL;

-- the pruning of ProcessedEvents deletes by age
CREATE INDEX IF NOT EXISTS processed_event_processed_at ON processed_event (processed_at);
