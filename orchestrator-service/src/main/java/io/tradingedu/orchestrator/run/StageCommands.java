package io.tradingedu.orchestrator.run;

import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.StageCommand;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The command factories of the configured stages; refuses to start when a configured stage has none. */
@Component
@CoordinatorRole
class StageCommands {

    private final Map<PipelineStage, StageCommandFactory> factories = new EnumMap<>(PipelineStage.class);

    StageCommands(List<StageCommandFactory> available, PipelineProperties properties) {
        available.forEach(f -> factories.put(f.stage(), f));
        List<String> missing = properties.stages().stream().filter(s -> !factories.containsKey(s))
                .map(PipelineStage::slug).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("pipeline.stages lists " + missing + " but this build has no worker for "
                    + "them; stages with workers: " + factories.keySet().stream().map(PipelineStage::slug).toList());
        }
    }

    StageCommand create(PipelineRun run, StageDispatch dispatch) {
        return factories.get(dispatch.stage()).create(run, dispatch.attempt());
    }
}
