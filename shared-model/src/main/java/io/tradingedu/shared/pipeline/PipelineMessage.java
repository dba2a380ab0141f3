package io.tradingedu.shared.pipeline;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.UUID;

/**
 * Every message of the pipeline. On the wire it is JSON with a logical {@code type} name (never a Java class name)
 * and a {@code schemaVersion}; within one version only additive changes are allowed and readers ignore unknown fields.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MediaIngested.class, name = "MediaIngested"),
        @JsonSubTypes.Type(value = MediaDeleted.class, name = "MediaDeleted"),
        @JsonSubTypes.Type(value = ValidateMedia.class, name = "ValidateMedia"),
        @JsonSubTypes.Type(value = MediaValidated.class, name = "MediaValidated"),
        @JsonSubTypes.Type(value = StageFailed.class, name = "StageFailed"),
        @JsonSubTypes.Type(value = RunBacktest.class, name = "RunBacktest"),
        @JsonSubTypes.Type(value = StrategiesBacktested.class, name = "StrategiesBacktested"),
        @JsonSubTypes.Type(value = RunStatusChanged.class, name = "RunStatusChanged")
})
public sealed interface PipelineMessage permits MediaIngested, MediaDeleted, StageCommand, StageOutcome, RunStatusChanged {

    /** The schema version every message of this contract carries. */
    int SCHEMA_VERSION = 1;

    /** Unique per message; consumers use it to ignore duplicate deliveries. */
    UUID eventId();

    UUID runId();

    UUID mediaId();

    Instant occurredAt();

    int schemaVersion();
}
