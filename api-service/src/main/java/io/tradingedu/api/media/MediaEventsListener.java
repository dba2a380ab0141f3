package io.tradingedu.api.media;

import io.tradingedu.shared.pipeline.MediaValidated;
import io.tradingedu.shared.pipeline.PipelineMessage;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.RunStatusChanged;
import io.tradingedu.shared.pipeline.StageCompleted;
import io.tradingedu.shared.pipeline.Topics;
import io.tradingedu.support.messaging.ProcessedEvents;
import java.time.Clock;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the catalogue in step with the pipeline: run status, and what stage 1 learnt about the file. Both arrive on
 * the orchestrator's run events topic only (one road for pipeline facts): {@link RunStatusChanged}, and
 * {@link StageCompleted} carrying the worker's outcome once the orchestrator accepted it. Workers' own topics are
 * never read here, so an outcome the orchestrator rejected (a stale attempt, a cancelled run) changes nothing.
 */
@Component
class MediaEventsListener {

    private static final String CONSUMER = "api-media";

    private final MediaItemRepository items;
    private final ProcessedEvents processed;
    private final Clock clock;

    MediaEventsListener(MediaItemRepository items, ProcessedEvents processed, Clock clock) {
        this.items = items;
        this.processed = processed;
        this.clock = clock;
    }

    @KafkaListener(id = "api-media", groupId = CONSUMER, topics = Topics.RUN_EVENTS)
    @Transactional
    void on(String json) {
        PipelineMessage message = PipelineMessages.fromJson(json);
        if (!processed.firstDelivery(CONSUMER, message.eventId())) {
            return;
        }
        items.findById(message.mediaId()).filter(item -> message.runId().equals(item.getRunId()))
                .ifPresent(item -> {
                    switch (message) {
                        case RunStatusChanged changed -> item.runChanged(changed.status(), changed.reason(),
                                clock.instant());
                        case StageCompleted completed when completed.outcome() instanceof MediaValidated validated ->
                                item.probed(validated.probe(), clock.instant());
                        default -> { }
                    }
                });
    }
}
