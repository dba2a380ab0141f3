package io.tradingedu.api.media;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Removes upload staging files left behind by interrupted uploads, at start-up and then every hour. */
@Component
class StaleUploadSweeper {

    private static final Logger log = LoggerFactory.getLogger(StaleUploadSweeper.class);

    private final MediaStorage storage;
    private final Clock clock;
    private final Duration maxAge;

    StaleUploadSweeper(MediaStorage storage, Clock clock,
                       @Value("${media.staging-max-age:24h}") Duration maxAge) {
        this.storage = storage;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${media.staging-sweep-interval:1h}")
    void sweep() {
        int deleted = storage.deleteStagingFilesOlderThan(clock.instant().minus(maxAge));
        if (deleted > 0) {
            log.info("deleted {} staging files of interrupted uploads older than {}", deleted, maxAge);
        }
    }
}
