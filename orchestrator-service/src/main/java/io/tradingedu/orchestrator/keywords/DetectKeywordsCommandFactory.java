package io.tradingedu.orchestrator.keywords;

import io.tradingedu.orchestrator.run.PipelineRun;
import io.tradingedu.orchestrator.run.StageCommandFactory;
import io.tradingedu.shared.pipeline.DetectKeywords;
import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.StageCommand;
import org.springframework.stereotype.Component;

@Component
class DetectKeywordsCommandFactory implements StageCommandFactory {

    @Override
    public PipelineStage stage() {
        return PipelineStage.DETECT_KEYWORDS;
    }

    @Override
    public StageCommand create(PipelineRun run, int attempt) {
        return DetectKeywords.of(run.getId(), run.getMediaId(), attempt, run.getMediaPath());
    }
}
