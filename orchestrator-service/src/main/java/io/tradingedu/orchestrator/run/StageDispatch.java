package io.tradingedu.orchestrator.run;

import io.tradingedu.shared.pipeline.PipelineStage;

/** A stage attempt the orchestrator must now send to its worker. */
public record StageDispatch(PipelineStage stage, int attempt) {
}
