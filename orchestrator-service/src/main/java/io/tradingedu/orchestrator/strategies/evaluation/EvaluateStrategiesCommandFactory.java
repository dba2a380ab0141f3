package io.tradingedu.orchestrator.strategies.evaluation;

import io.tradingedu.orchestrator.run.PipelineRun;
import io.tradingedu.orchestrator.run.StageCommandFactory;
import io.tradingedu.shared.pipeline.EvaluateStrategies;
import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.StageCommand;
import io.tradingedu.shared.pipeline.StrategiesBacktested;
import io.tradingedu.shared.pipeline.StrategiesGenerated;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Stage 10's command carries what it judges: stage 9's outcome, and stage 8's notes so that a lesson without a
 * strategy ends saying why.
 */
@Component
class EvaluateStrategiesCommandFactory implements StageCommandFactory {

    @Override
    public PipelineStage stage() {
        return PipelineStage.EVALUATE_PROMOTE;
    }

    @Override
    public StageCommand create(PipelineRun run, int attempt) {
        StrategiesBacktested backtests = StageOutputs.of(run, PipelineStage.BACKTEST, StrategiesBacktested.class)
                .orElse(null);
        List<String> generationNotes = StageOutputs.of(run, PipelineStage.STRATEGY_GENERATION,
                StrategiesGenerated.class).map(StrategiesGenerated::notes).orElse(List.of());
        return EvaluateStrategies.of(run.getId(), run.getMediaId(), attempt, backtests, generationNotes);
    }
}
