package io.tradingedu.orchestrator.strategies.generation;

import io.tradingedu.orchestrator.run.PipelineRun;
import io.tradingedu.orchestrator.run.StageCommandFactory;
import io.tradingedu.shared.pipeline.GenerateStrategies;
import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.StageCommand;
import org.springframework.stereotype.Component;

@Component
class GenerateStrategiesCommandFactory implements StageCommandFactory {

    @Override
    public PipelineStage stage() {
        return PipelineStage.STRATEGY_GENERATION;
    }

    @Override
    public StageCommand create(PipelineRun run, int attempt) {
        return GenerateStrategies.of(run.getId(), run.getMediaId(), attempt);
    }
}
