package io.tradingedu.shared.pipeline;

/** A request from the orchestrator to the worker that owns a stage. */
public sealed interface StageCommand extends PipelineMessage permits ValidateMedia, ProcessVideo, DetectKeywords, GenerateClips,
        ExtractConcepts, EmbedMedia, ComputeFeatures, GenerateStrategies, RunBacktest, EvaluateStrategies {

    PipelineStage stage();

    /** 1 for the first try; a retried stage gets a new command with the next attempt number. */
    int attempt();
}
