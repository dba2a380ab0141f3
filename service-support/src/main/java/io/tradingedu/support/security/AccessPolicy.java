package io.tradingedu.support.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one place that says which scope a request needs (empty: none). The filter chain grants by it and the 403
 * names what it said, so the rule and its message cannot drift apart.
 *
 * <ol>
 *   <li>open: health status and the liveness/readiness probes, the OpenAPI document and Swagger UI, {@code /error};</li>
 *   <li>{@code /admin/**}: admin;</li>
 *   <li>other actuator endpoints (health details, metrics, prometheus): read, even when reads are public;</li>
 *   <li>GET, HEAD, OPTIONS and the POSTs a service declares read-only: read, or open with public reads;</li>
 *   <li>every other request: write.</li>
 * </ol>
 */
final class AccessPolicy {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final List<String> OPEN = List.of("/actuator/health", "/actuator/health/liveness",
            "/actuator/health/readiness", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error");

    private final List<RequestMatcher> open;
    private final RequestMatcher admin;
    private final RequestMatcher actuator;
    private final List<RequestMatcher> readOnlyPosts;
    private final boolean publicReads;

    AccessPolicy(List<String> readOnlyPosts, boolean publicReads) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        this.open = OPEN.stream().map(pattern -> (RequestMatcher) paths.matcher(pattern)).toList();
        this.admin = paths.matcher("/admin/**");
        this.actuator = paths.matcher("/actuator/**");
        this.readOnlyPosts = readOnlyPosts.stream()
                .map(pattern -> (RequestMatcher) paths.matcher(HttpMethod.POST, pattern)).toList();
        this.publicReads = publicReads;
    }

    Optional<Scope> requiredScope(HttpServletRequest request) {
        if (open.stream().anyMatch(matcher -> matcher.matches(request))) {
            return Optional.empty();
        }
        if (admin.matches(request)) {
            return Optional.of(Scope.ADMIN);
        }
        if (actuator.matches(request)) {
            return Optional.of(Scope.READ);
        }
        if (READ_METHODS.contains(request.getMethod())
                || readOnlyPosts.stream().anyMatch(matcher -> matcher.matches(request))) {
            return publicReads ? Optional.empty() : Optional.of(Scope.READ);
        }
        return Optional.of(Scope.WRITE);
    }
}
