package io.tradingedu.shared.pipeline;

import java.util.Arrays;

/**
 * The ten stages every video goes through, in order. The order of the constants is the pipeline order;
 * which of them a run executes is the orchestrator's configuration.
 */
public enum PipelineStage {
    VALIDATE("validate"),
    PROCESS_VIDEO("process-video"),
    DETECT_KEYWORDS("detect-keywords"),
    GENERATE_CLIPS("generate-clips"),
    EXTRACT_CONCEPTS("extract-concepts"),
    EMBEDDINGS("embeddings"),
    FEATURES("features"),
    STRATEGY_GENERATION("strategy-generation"),
    BACKTEST("backtest"),
    EVALUATE_PROMOTE("evaluate-promote");

    private final String slug;

    PipelineStage(String slug) {
        this.slug = slug;
    }

    /** The stable, URL- and topic-safe name of the stage, e.g. {@code process-video}. */
    public String slug() {
        return slug;
    }

    /** The stage's position in the pipeline, 1 to 10. */
    public int number() {
        return ordinal() + 1;
    }

    /** The topic on which the orchestrator sends this stage's commands to its worker. */
    public String commandsTopic() {
        return "pipeline." + slug + ".commands.v1";
    }

    /** The topic on which this stage's worker publishes its outcomes. */
    public String eventsTopic() {
        return "pipeline." + slug + ".events.v1";
    }

    /** Finds a stage by its slug or its enum name, case-insensitively. */
    public static PipelineStage fromName(String name) {
        return Arrays.stream(values())
                .filter(s -> s.slug.equalsIgnoreCase(name) || s.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown pipeline stage '" + name + "'; known: "
                        + Arrays.stream(values()).map(PipelineStage::slug).toList()));
    }
}
