package io.tradingedu.orchestrator.media;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How media stage work runs beside the Kafka listeners.
 *
 * @param threads           stage jobs this instance runs at once (each stage's listener pauses while its job runs)
 * @param heartbeatInterval how often a running job re-announces its progress, which renews the stage's lease; must
 *                          be well below the media stages' lease
 * @param cancelCheckInterval how often a running job looks whether its run was cancelled or deleted
 */
@ConfigurationProperties("media-work")
public record MediaWorkProperties(int threads, Duration heartbeatInterval, Duration cancelCheckInterval) {

    public MediaWorkProperties {
        threads = threads < 1 ? 4 : threads;
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(15) : heartbeatInterval;
        cancelCheckInterval = cancelCheckInterval == null ? Duration.ofSeconds(2) : cancelCheckInterval;
    }
}
