package io.tradingedu.orchestrator.strategies.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.orchestrator.run.PipelineRun;
import io.tradingedu.orchestrator.run.StagePolicy;
import io.tradingedu.shared.backtest.BacktestPlan;
import io.tradingedu.shared.pipeline.EvaluateStrategies;
import io.tradingedu.shared.pipeline.GenerateStrategies;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.RunBacktest;
import io.tradingedu.shared.pipeline.StrategiesBacktested;
import io.tradingedu.shared.pipeline.StrategiesGenerated;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class EvaluateStrategiesCommandFactoryTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Function<PipelineStage, StagePolicy> POLICY = s -> new StagePolicy(Duration.ofMinutes(5), 3,
            Duration.ofSeconds(5), null);

    @Test
    void carriesStageNinesOutcomeAndStageEightsNotes() {
        PipelineRun run = new PipelineRun(UUID.randomUUID(), UUID.randomUUID(), "/media/x.mp4",
                List.of(PipelineStage.STRATEGY_GENERATION, PipelineStage.BACKTEST, PipelineStage.EVALUATE_PROMOTE),
                NOW);
        run.start(NOW, POLICY);
        StrategiesGenerated generated = StrategiesGenerated.of(GenerateStrategies.of(run.getId(), run.getMediaId(), 1),
                "rules", List.of(), List.of("no entry condition was taught"));
        run.recordSuccess(PipelineStage.STRATEGY_GENERATION, 1, generated.summary(),
                PipelineMessages.toJson(generated), NOW, POLICY);
        StrategiesBacktested backtested = StrategiesBacktested.of(RunBacktest.of(run.getId(), run.getMediaId(), 1,
                List.of(), new BacktestPlan(List.of(), 10_000, null)), List.of(), List.of("no strategies to backtest"));
        run.recordSuccess(PipelineStage.BACKTEST, 1, backtested.summary(), PipelineMessages.toJson(backtested), NOW,
                POLICY);

        EvaluateStrategies command = (EvaluateStrategies) new EvaluateStrategiesCommandFactory().create(run, 2);

        assertThat(command.attempt()).isEqualTo(2);
        assertThat(command.backtests()).isEqualTo(backtested);
        assertThat(command.generationNotes()).containsExactly("no entry condition was taught");
    }

    @Test
    void aRunWithoutStagesEightAndNineSendsNothingToJudgeOn() {
        PipelineRun run = new PipelineRun(UUID.randomUUID(), UUID.randomUUID(), "/media/x.mp4",
                List.of(PipelineStage.EVALUATE_PROMOTE), NOW);
        run.start(NOW, POLICY);

        EvaluateStrategies command = (EvaluateStrategies) new EvaluateStrategiesCommandFactory().create(run, 1);

        assertThat(command.backtests()).isNull();
        assertThat(command.generationNotes()).isEmpty();
    }
}
