package io.tradingedu.support.health;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long one health contributor (database, Kafka, ...) may take before it counts as DOWN
 * ({@code health.check.timeout}, env {@code HEALTH_CHECK_TIMEOUT}). Above the database connection timeout (3 s), so
 * that an unreachable database reports its own reason rather than this timeout.
 */
record HealthCheckProperties(@DefaultValue("4s") Duration timeout) {

    static final String PREFIX = "health.check";

    HealthCheckProperties {
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException(PREFIX + ".timeout must lie between 1ms and 1m; got " + timeout);
        }
    }
}
