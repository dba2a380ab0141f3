package io.tradingedu.embeddings.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Redis cache of query embeddings.
 *
 * @param enabled  off skips Redis entirely
 * @param ttl      how long a query's vector is kept
 * @param timeout  connect and read timeout: a slow or absent Redis must not slow searches down
 * @param retryAfter after a failure Redis is left alone this long before it is tried again
 */
@ConfigurationProperties("query-cache")
public record QueryCacheProperties(boolean enabled, String host, int port, Duration ttl, Duration timeout,
                                   Duration retryAfter) {

    public QueryCacheProperties {
        host = host == null || host.isBlank() ? "localhost" : host;
        port = port <= 0 ? 6379 : port;
        ttl = ttl == null ? Duration.ofDays(1) : ttl;
        timeout = timeout == null ? Duration.ofMillis(250) : timeout;
        retryAfter = retryAfter == null ? Duration.ofSeconds(30) : retryAfter;
    }
}
