package io.tradingedu.orchestrator.validate;

import io.tradingedu.orchestrator.run.PipelineRun;
import io.tradingedu.orchestrator.run.StageCommandFactory;
import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.StageCommand;
import io.tradingedu.shared.pipeline.ValidateMedia;
import org.springframework.stereotype.Component;

@Component
class ValidateCommandFactory implements StageCommandFactory {

    @Override
    public PipelineStage stage() {
        return PipelineStage.VALIDATE;
    }

    @Override
    public StageCommand create(PipelineRun run, int attempt) {
        return ValidateMedia.of(run.getId(), run.getMediaId(), attempt, run.getMediaPath());
    }
}
