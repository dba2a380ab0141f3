package io.tradingedu.api.dashboard;

import io.tradingedu.shared.pipeline.PipelineMessage;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the orchestrator's run events for the live streams. Every api-service instance must see every event (its
 * own clients are connected to it alone), so each consumes in a group of its own, from the newest offset: a stream
 * shows what happens from now on, the REST API what happened before. Nothing is stored, so nothing is deduplicated;
 * an unreadable message is skipped here (the catalogue's own listener sends it to the dead-letter topic).
 */
@Component
class RunEventsListener {

    private static final Logger log = LoggerFactory.getLogger(RunEventsListener.class);

    private final RunEventHub hub;
    private final ObjectMapper json;

    RunEventsListener(RunEventHub hub, ObjectMapper json) {
        this.hub = hub;
        this.json = json;
    }

    @KafkaListener(id = "api-dashboard-events", topics = Topics.RUN_EVENTS,
            groupId = "api-dashboard-${random.uuid}", properties = "auto.offset.reset=latest")
    void on(String message) {
        PipelineMessage parsed;
        try {
            parsed = PipelineMessages.fromJson(message);
        } catch (RuntimeException e) {
            log.debug("skipped an unreadable run event for the live streams: {}", e.getMessage());
            return;
        }
        if (hub.openStreams() == 0) {
            return;
        }
        RunEventView.of(parsed).ifPresent(view ->
                hub.publish(view.eventId().toString(), "run", json.writeValueAsString(view)));
    }
}
