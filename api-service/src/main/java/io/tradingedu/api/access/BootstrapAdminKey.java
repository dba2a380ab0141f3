package io.tradingedu.api.access;

import io.tradingedu.support.security.ApiKeys;
import io.tradingedu.support.security.Scope;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The first admin key (SECURITY_BOOTSTRAP_ADMIN_KEY), stored at start-up unless a key with its hash exists: the
 * local stack generates one on its first start, so a new installation is locked and still usable. Several instances
 * starting together store it once (the insert does nothing on a conflicting hash); a bootstrap key that was revoked
 * stays revoked.
 */
@Component
class BootstrapAdminKey implements ApplicationRunner {

    static final String NAME = "bootstrap-admin";
    /** Who the listing says made it: the setting it came from. */
    static final String CREATED_BY = "SECURITY_BOOTSTRAP_ADMIN_KEY";
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdminKey.class);

    private final ApiKeyRepository keys;
    private final ApiKeyProperties properties;
    private final Clock clock;

    BootstrapAdminKey(ApiKeyRepository keys, ApiKeyProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        String token = properties.bootstrapAdminKey();
        if (token.isEmpty()) {
            return;
        }
        boolean stored = keys.insert(UUID.randomUUID(), NAME, token, List.of(Scope.ADMIN),
                clock.instant().truncatedTo(ChronoUnit.MICROS), CREATED_BY);
        log.info(stored ? "bootstrap admin key {} stored (SECURITY_BOOTSTRAP_ADMIN_KEY)"
                : "bootstrap admin key {} is stored already", ApiKeys.displayPrefix(token));
    }
}
