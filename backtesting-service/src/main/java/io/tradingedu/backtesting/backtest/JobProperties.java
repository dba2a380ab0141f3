package io.tradingedu.backtesting.backtest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How instances share queued jobs. An instance claims a job under a lease and renews it every {@code heartbeat}
 * while the job runs; when an instance dies, its job is claimed by another once the lease has run out. Free job
 * threads look for queued jobs every {@code poll} (and at once when this instance queues one).
 *
 * @param lease       how long a claim holds without renewal; the longest a dead instance's job waits for a new owner
 * @param heartbeat   how often a running job's lease is renewed; also how soon a job cancelled on another instance
 *                    (or taken over) stops here. Must be well below the lease so one missed renewal does not lose it
 * @param poll        how often free job threads look for queued jobs
 * @param maxAttempts claims a job may have: one more than the instance deaths it survives (2: it is run again once
 *                    after the instance running it died, since the job itself may be what killed it)
 */
@ConfigurationProperties("backtest.jobs")
record JobProperties(
        @DefaultValue("60s") Duration lease,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("2s") Duration poll,
        @DefaultValue("2") int maxAttempts) {

    JobProperties {
        if (lease.toMillis() < 1000 || heartbeat.isNegative() || heartbeat.isZero()
                || heartbeat.multipliedBy(2).compareTo(lease) > 0 || poll.isNegative() || poll.isZero()
                || maxAttempts < 1) {
            throw new IllegalArgumentException("backtest.jobs: lease must be at least 1 s, heartbeat positive and at "
                    + "most half the lease, poll positive, max-attempts at least 1 (were " + lease + ", " + heartbeat
                    + ", " + poll + ", " + maxAttempts + ")");
        }
    }
}
