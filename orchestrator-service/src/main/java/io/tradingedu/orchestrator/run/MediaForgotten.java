package io.tradingedu.orchestrator.run;

import java.util.UUID;

/**
 * In-process event, published inside the transaction that deletes a deleted media item's runs, so that whatever
 * else this service keeps about the item goes in the same transaction.
 */
public record MediaForgotten(UUID mediaId) {
}
