package io.tradingedu.orchestrator.strategies.backtest;

import io.tradingedu.orchestrator.run.PipelineRun;
import io.tradingedu.orchestrator.run.StageCommandFactory;
import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.RunBacktest;
import io.tradingedu.shared.pipeline.StageCommand;
import org.springframework.stereotype.Component;

/**
 * Stage 9 runs in backtesting-service; its command carries the candidates stage 8 wrote for this run (read when the
 * stage is dispatched) and the configured test plan. No candidates make an empty command, which the worker answers
 * with "no strategies to backtest" so that the run goes on to say why.
 */
@Component
class RunBacktestCommandFactory implements StageCommandFactory {

    private final CandidateReader candidates;
    private final BacktestPlanProperties plan;

    RunBacktestCommandFactory(CandidateReader candidates, BacktestPlanProperties plan) {
        this.candidates = candidates;
        this.plan = plan;
    }

    @Override
    public PipelineStage stage() {
        return PipelineStage.BACKTEST;
    }

    @Override
    public StageCommand create(PipelineRun run, int attempt) {
        return RunBacktest.of(run.getId(), run.getMediaId(), attempt,
                candidates.candidates(run.getMediaId(), run.getId(), plan.costs()), plan.plan());
    }
}
