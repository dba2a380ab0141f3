package io.tradingedu.shared.pipeline;

import java.time.Instant;
import java.util.UUID;

/**
 * A media item was stored and wants a pipeline run. api-service chooses the run id so it can answer the
 * ingest request with it; the orchestrator creates the run under that id.
 *
 * @param mediaPath absolute path of the stored file on the shared media volume
 */
public record MediaIngested(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion,
                            String mediaPath, String filename, String sha256, long sizeBytes) implements PipelineMessage {

    public static MediaIngested of(UUID runId, UUID mediaId, String mediaPath, String filename, String sha256,
                                   long sizeBytes) {
        return new MediaIngested(UUID.randomUUID(), runId, mediaId, Instant.now(), SCHEMA_VERSION,
                mediaPath, filename, sha256, sizeBytes);
    }
}
