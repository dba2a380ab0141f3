package io.tradingedu.embeddings.search;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The query cache in health: UP when Redis answers, DEGRADED (searches still answered, only slower) when it does
 * not. Not part of readiness: the service is ready without its cache.
 */
@Component("queryCache")
class QueryCacheHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "searches are answered without the Redis query cache");

    private final QueryEmbeddings queries;

    QueryCacheHealth(QueryEmbeddings queries) {
        this.queries = queries;
    }

    @Override
    public Health health() {
        QueryEmbeddings.CacheState state = queries.check();
        return switch (state.status()) {
            case "unavailable" -> Health.status(DEGRADED).withDetail("cache", state.status())
                    .withDetail("failure", state.failure()).build();
            default -> Health.up().withDetail("cache", state.status()).build();
        };
    }
}
