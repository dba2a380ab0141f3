package io.tradingedu.orchestrator.processvideo;

import io.tradingedu.orchestrator.run.PipelineRun;
import io.tradingedu.orchestrator.run.StageCommandFactory;
import io.tradingedu.orchestrator.run.StageExecution;
import io.tradingedu.shared.pipeline.MediaProbe;
import io.tradingedu.shared.pipeline.MediaValidated;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.StageCommand;
import io.tradingedu.shared.pipeline.ProcessVideo;
import org.springframework.stereotype.Component;

/** Stage 2's command carries stage 1's probe (duration, audio, subtitle streams), read from the run. */
@Component
class ProcessVideoCommandFactory implements StageCommandFactory {

    @Override
    public PipelineStage stage() {
        return PipelineStage.PROCESS_VIDEO;
    }

    @Override
    public StageCommand create(PipelineRun run, int attempt) {
        return ProcessVideo.of(run.getId(), run.getMediaId(), attempt, run.getMediaPath(), probe(run));
    }

    private static MediaProbe probe(PipelineRun run) {
        return run.getStages().stream().filter(s -> s.getStage() == PipelineStage.VALIDATE)
                .map(StageExecution::getOutput).filter(o -> o != null)
                .map(PipelineMessages::fromJson)
                .filter(MediaValidated.class::isInstance).map(m -> ((MediaValidated) m).probe())
                .findFirst().orElse(null);
    }
}
