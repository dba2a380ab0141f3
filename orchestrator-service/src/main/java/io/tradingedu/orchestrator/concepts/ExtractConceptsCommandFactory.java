package io.tradingedu.orchestrator.concepts;

import io.tradingedu.orchestrator.run.PipelineRun;
import io.tradingedu.orchestrator.run.StageCommandFactory;
import io.tradingedu.shared.pipeline.ExtractConcepts;
import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.StageCommand;
import org.springframework.stereotype.Component;

@Component
class ExtractConceptsCommandFactory implements StageCommandFactory {

    @Override
    public PipelineStage stage() {
        return PipelineStage.EXTRACT_CONCEPTS;
    }

    @Override
    public StageCommand create(PipelineRun run, int attempt) {
        return ExtractConcepts.of(run.getId(), run.getMediaId(), attempt, run.getMediaPath());
    }
}
