package io.tradingedu.orchestrator.features;

import io.tradingedu.orchestrator.run.PipelineRun;
import io.tradingedu.orchestrator.run.StageCommandFactory;
import io.tradingedu.orchestrator.run.StageExecution;
import io.tradingedu.shared.pipeline.ComputeFeatures;
import io.tradingedu.shared.pipeline.MediaEmbedded;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.StageCommand;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Stage 7's command carries stage 6's topic spread, read from the run: only embeddings-service has the vectors, and
 * its outcome is where it reports what it measured on them.
 */
@Component
class FeaturesCommandFactory implements StageCommandFactory {

    @Override
    public PipelineStage stage() {
        return PipelineStage.FEATURES;
    }

    @Override
    public StageCommand create(PipelineRun run, int attempt) {
        return ComputeFeatures.of(run.getId(), run.getMediaId(), attempt, topicSpread(run));
    }

    static Double topicSpread(PipelineRun run) {
        return run.getStages().stream().filter(s -> s.getStage() == PipelineStage.EMBEDDINGS)
                .map(StageExecution::getOutput).filter(Objects::nonNull)
                .map(PipelineMessages::fromJson)
                .filter(MediaEmbedded.class::isInstance).map(m -> ((MediaEmbedded) m).topicSpread())
                .filter(Objects::nonNull).findFirst().orElse(null);
    }
}
