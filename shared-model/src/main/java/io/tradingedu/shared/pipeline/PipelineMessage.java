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
        @JsonSubTypes.Type(value = RunStatusChanged.class, name = "RunStatusChanged"),
        @JsonSubTypes.Type(value = ProcessVideo.class, name = "ProcessVideo"),
        @JsonSubTypes.Type(value = VideoProcessed.class, name = "VideoProcessed"),
        @JsonSubTypes.Type(value = DetectKeywords.class, name = "DetectKeywords"),
        @JsonSubTypes.Type(value = KeywordsDetected.class, name = "KeywordsDetected"),
        @JsonSubTypes.Type(value = GenerateClips.class, name = "GenerateClips"),
        @JsonSubTypes.Type(value = ClipsGenerated.class, name = "ClipsGenerated"),
        @JsonSubTypes.Type(value = ExtractConcepts.class, name = "ExtractConcepts"),
        @JsonSubTypes.Type(value = ConceptsExtracted.class, name = "ConceptsExtracted"),
        @JsonSubTypes.Type(value = EmbedMedia.class, name = "EmbedMedia"),
        @JsonSubTypes.Type(value = MediaEmbedded.class, name = "MediaEmbedded"),
        @JsonSubTypes.Type(value = ComputeFeatures.class, name = "ComputeFeatures"),
        @JsonSubTypes.Type(value = FeaturesComputed.class, name = "FeaturesComputed"),
        @JsonSubTypes.Type(value = GenerateStrategies.class, name = "GenerateStrategies"),
        @JsonSubTypes.Type(value = StrategiesGenerated.class, name = "StrategiesGenerated"),
        @JsonSubTypes.Type(value = EvaluateStrategies.class, name = "EvaluateStrategies"),
        @JsonSubTypes.Type(value = StrategiesEvaluated.class, name = "StrategiesEvaluated"),
        @JsonSubTypes.Type(value = StageProgressed.class, name = "StageProgressed"),
        @JsonSubTypes.Type(value = StageCompleted.class, name = "StageCompleted")
})
public sealed interface PipelineMessage permits MediaIngested, MediaDeleted, StageCommand, StageOutcome, RunStatusChanged,
        StageProgressed, StageCompleted {

    /** The schema version every message of this contract carries. */
    int SCHEMA_VERSION = 1;

    /** Unique per message; consumers use it to ignore duplicate deliveries. */
    UUID eventId();

    UUID runId();

    UUID mediaId();

    Instant occurredAt();

    int schemaVersion();
}
