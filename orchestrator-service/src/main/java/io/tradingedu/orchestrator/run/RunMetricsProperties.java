package io.tradingedu.orchestrator.run;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pipeline.metrics.*} (env {@code PIPELINE_STUCK_AFTER}).
 *
 * @param stuckAfter a running run whose state (stage, attempt) has not changed for this long counts as stuck; a
 *                   media stage on a video of several hours may legitimately take longer (raise it then)
 */
@ConfigurationProperties("pipeline.metrics")
record RunMetricsProperties(@DefaultValue("1h") Duration stuckAfter) {

    RunMetricsProperties {
        if (stuckAfter.isNegative() || stuckAfter.isZero()) {
            throw new IllegalArgumentException("pipeline.metrics.stuck-after must be positive; got " + stuckAfter);
        }
    }
}
