package io.tradingedu.orchestrator.run;

import io.tradingedu.shared.pipeline.MediaDeleted;
import io.tradingedu.shared.pipeline.MediaIngested;
import io.tradingedu.shared.pipeline.PipelineMessage;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.StageOutcome;
import io.tradingedu.shared.pipeline.StageProgressed;
import io.tradingedu.shared.pipeline.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The orchestrator's inbox: media events start and forget runs, stage outcomes move them on. */
@Component
@CoordinatorRole
class RunListeners {

    private static final Logger log = LoggerFactory.getLogger(RunListeners.class);

    private final RunService service;

    RunListeners(RunService service) {
        this.service = service;
    }

    @KafkaListener(id = "orchestrator-media", topics = Topics.MEDIA_EVENTS, groupId = "orchestrator-media")
    void onMediaEvent(String json) {
        PipelineMessage message = PipelineMessages.fromJson(json);
        switch (message) {
            case MediaIngested ingested -> service.startRun(ingested);
            case MediaDeleted deleted -> service.forgetMedia(deleted.eventId(), deleted.mediaId());
            default -> log.debug("ignoring {} on {}", message.getClass().getSimpleName(), Topics.MEDIA_EVENTS);
        }
    }

    @KafkaListener(id = "orchestrator-outcomes", topics = "#{@stageTopics.eventTopics()}", groupId = "orchestrator-outcomes")
    void onStageOutcome(String json) {
        switch (PipelineMessages.fromJson(json)) {
            case StageOutcome outcome -> service.recordOutcome(outcome);
            case StageProgressed progressed -> service.recordProgress(progressed);
            default -> { }
        }
    }
}
