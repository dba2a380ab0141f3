package io.tradingedu.orchestrator.embeddings;

import io.tradingedu.orchestrator.run.PipelineRun;
import io.tradingedu.orchestrator.run.StageCommandFactory;
import io.tradingedu.shared.pipeline.EmbedMedia;
import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.StageCommand;
import org.springframework.stereotype.Component;

/** Stage 6 runs in embeddings-service; the orchestrator only sends the command (the worker reads stages 2–5's views). */
@Component
class EmbedMediaCommandFactory implements StageCommandFactory {

    @Override
    public PipelineStage stage() {
        return PipelineStage.EMBEDDINGS;
    }

    @Override
    public StageCommand create(PipelineRun run, int attempt) {
        return EmbedMedia.of(run.getId(), run.getMediaId(), attempt);
    }
}
