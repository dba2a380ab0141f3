package io.tradingedu.support.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body may be ({@code request.limits}): {@code default} (env {@code REQUEST_LIMITS_DEFAULT},
 * 1 MB) for every endpoint not listed, and larger limits for the endpoints that take uploads
 * ({@code request.limits.endpoints[i].method / path / max}, env {@code REQUEST_LIMITS_ENDPOINTS_0_PATH}, ...). A path
 * is a Spring path pattern ({@code /media_items}, {@code /strategies/**}); without a method the rule holds for all.
 * The first matching rule wins.
 */
@ConfigurationProperties("request.limits")
record RequestLimitsProperties(@Name("default") @DefaultValue("1MB") DataSize defaultMax,
                               @DefaultValue List<Endpoint> endpoints) {

    RequestLimitsProperties {
        requirePositive(defaultMax, "request.limits.default");
        endpoints = List.copyOf(endpoints);
        for (int i = 0; i < endpoints.size(); i++) {
            Endpoint endpoint = endpoints.get(i);
            String name = "request.limits.endpoints[" + i + "]";
            if (endpoint.path() == null || !endpoint.path().startsWith("/")) {
                throw new IllegalArgumentException(name + ".path must be a path pattern starting with /; got "
                        + endpoint.path());
            }
            requirePositive(endpoint.max(), name + ".max");
        }
    }

    private static void requirePositive(DataSize size, String name) {
        if (size == null || size.toBytes() <= 0) {
            throw new IllegalArgumentException(name + " must be a positive size such as 1MB; got " + size);
        }
    }

    /** One endpoint's limit; {@code method} null or blank = every method. */
    record Endpoint(String method, String path, DataSize max) {
    }
}
