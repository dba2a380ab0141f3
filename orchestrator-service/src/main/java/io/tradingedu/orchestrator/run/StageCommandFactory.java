package io.tradingedu.orchestrator.run;

import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.StageCommand;

/** Builds the command that asks a stage's worker for one attempt. One bean per stage. */
public interface StageCommandFactory {

    PipelineStage stage();

    StageCommand create(PipelineRun run, int attempt);
}
