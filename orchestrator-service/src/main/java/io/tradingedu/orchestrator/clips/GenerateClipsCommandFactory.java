package io.tradingedu.orchestrator.clips;

import io.tradingedu.orchestrator.run.PipelineRun;
import io.tradingedu.orchestrator.run.StageCommandFactory;
import io.tradingedu.shared.pipeline.GenerateClips;
import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.StageCommand;
import org.springframework.stereotype.Component;

@Component
class GenerateClipsCommandFactory implements StageCommandFactory {

    @Override
    public PipelineStage stage() {
        return PipelineStage.GENERATE_CLIPS;
    }

    @Override
    public StageCommand create(PipelineRun run, int attempt) {
        return GenerateClips.of(run.getId(), run.getMediaId(), attempt, run.getMediaPath());
    }
}
