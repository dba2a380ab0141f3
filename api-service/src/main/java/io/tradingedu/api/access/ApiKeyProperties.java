package io.tradingedu.api.access;

import io.tradingedu.support.security.ApiKeys;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * API keys as api-service manages them (docs/security.md).
 *
 * @param bootstrapAdminKey a full {@code te_} key (SECURITY_BOOTSTRAP_ADMIN_KEY) stored as an admin key named
 *                          {@code bootstrap-admin} at start-up unless its hash is stored already; empty = none. A
 *                          value that is not a well-formed key stops the start-up.
 * @param maxActive         most keys that may be active (not revoked) at once
 */
@ConfigurationProperties("api-keys")
record ApiKeyProperties(String bootstrapAdminKey, Integer maxActive) {

    ApiKeyProperties {
        bootstrapAdminKey = bootstrapAdminKey == null ? "" : bootstrapAdminKey.strip();
        maxActive = maxActive == null ? 1000 : maxActive;
        if (!bootstrapAdminKey.isEmpty() && !ApiKeys.isWellFormed(bootstrapAdminKey)) {
            // the value itself is not repeated: it is meant to be a secret
            throw new IllegalArgumentException("SECURITY_BOOTSTRAP_ADMIN_KEY (api-keys.bootstrap-admin-key) is not "
                    + "an API key: it must be 'te_' followed by 43 base64url characters (" + bootstrapAdminKey.length()
                    + " characters given); deploy/local/stack.sh generates one, or leave it empty");
        }
        if (maxActive < 1) {
            throw new IllegalArgumentException("api-keys.max-active must be at least 1; got " + maxActive);
        }
    }
}
