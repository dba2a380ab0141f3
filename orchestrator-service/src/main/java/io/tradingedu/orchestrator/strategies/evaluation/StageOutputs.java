package io.tradingedu.orchestrator.strategies.evaluation;

import io.tradingedu.orchestrator.run.PipelineRun;
import io.tradingedu.orchestrator.run.StageExecution;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.PipelineStage;
import java.util.Objects;
import java.util.Optional;

/** An earlier stage's accepted outcome, as the run stored it. */
final class StageOutputs {

    private StageOutputs() {
    }

    static <T> Optional<T> of(PipelineRun run, PipelineStage stage, Class<T> type) {
        return run.getStages().stream().filter(s -> s.getStage() == stage)
                .map(StageExecution::getOutput).filter(Objects::nonNull)
                .map(PipelineMessages::fromJson).filter(type::isInstance).map(type::cast)
                .findFirst();
    }
}
