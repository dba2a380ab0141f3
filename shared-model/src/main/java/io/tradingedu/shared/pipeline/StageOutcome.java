package io.tradingedu.shared.pipeline;

/** What a worker reports back for one attempt of one stage: a stage-specific success or {@link StageFailed}. */
public sealed interface StageOutcome extends PipelineMessage permits MediaValidated, VideoProcessed, KeywordsDetected,
        ClipsGenerated, ConceptsExtracted, MediaEmbedded, FeaturesComputed, StrategiesGenerated, StrategiesBacktested,
        StrategiesEvaluated, StageFailed {

    PipelineStage stage();

    /** The attempt of the command this outcome answers. */
    int attempt();

    /** A one-line, human-readable summary of what the stage found or why it failed. */
    String summary();
}
