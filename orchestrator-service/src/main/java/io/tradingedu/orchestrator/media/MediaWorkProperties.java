package io.tradingedu.orchestrator.media;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How media stage work runs beside the Kafka listeners.
 *
 * @param threads             stage jobs this instance runs at once (each stage's listener pauses while its job runs
 *                            or waits, so at most one job per stage is ever queued here)
 * @param heartbeatInterval   how often a running job re-announces its progress, which renews the stage's lease;
 *                            well below the media stages' lease
 * @param cancelCheckInterval how often a running job looks whether its run still wants the result
 * @param maxJobDuration      a job still running after this is stopped and its stage failed: no video may hold a
 *                            worker forever
 */
@ConfigurationProperties("media-work")
public record MediaWorkProperties(int threads, Duration heartbeatInterval, Duration cancelCheckInterval,
                                  Duration maxJobDuration) {

    public MediaWorkProperties {
        threads = threads < 1 ? 4 : threads;
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(15) : heartbeatInterval;
        cancelCheckInterval = cancelCheckInterval == null ? Duration.ofSeconds(2) : cancelCheckInterval;
        maxJobDuration = maxJobDuration == null ? Duration.ofHours(6) : maxJobDuration;
    }
}
