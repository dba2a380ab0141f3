package io.tradingedu.api.features;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A media item's features as stage 7 stored them (definitions: docs/features.md).
 *
 * @param version    the feature-set version, e.g. {@code features-v1}: names, units and formulas
 * @param features   {"name": number | string | boolean | null}; null only where an input was missing or a ratio is
 *                   undefined, explained in {@code notes}
 * @param notes      why features are null
 * @param runId      the run whose stage 7 computed them
 */
record FeatureSet(UUID mediaId, UUID runId, String version, JsonNode features, List<String> notes,
                  Instant computedAt) {
}
