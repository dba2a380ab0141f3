package io.tradingedu.orchestrator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one Spring context of the orchestrator's integration tests, against the local PostgreSQL and Kafka. Every IT
 * uses exactly these settings: two contexts with listeners in the same consumer groups would take each other's
 * messages. Stage 6 onwards run in other services, which these tests do not start: the runs end after stage 5.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "pipeline.stages=validate,process-video,detect-keywords,generate-clips,extract-concepts",
        "pipeline.overrides.validate.lease=4s",
        "pipeline.overrides.validate.retry-backoff=500ms",
        "pipeline.overrides.validate.max-attempts=3",
        "pipeline.overrides.process-video.lease=20s",
        "pipeline.overrides.process-video.retry-backoff=500ms",
        "media-work.heartbeat-interval=3s",
        "media-work.cancel-check-interval=500ms",
        "pipeline.timekeeper-interval=200ms",
        "outbox.relay.interval=100ms",
        "logging.structured.format.console="})
public @interface OrchestratorIT {
}
