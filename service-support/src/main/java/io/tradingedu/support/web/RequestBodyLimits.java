package io.tradingedu.support.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The body limit of a request: the first configured endpoint whose method and path match, else the default. Only the
 * configured endpoints take uploads; a multipart body anywhere else is refused ({@link RequestBodyLimitFilter}).
 */
final class RequestBodyLimits {

    private final long defaultMax;
    private final List<Rule> rules;

    RequestBodyLimits(RequestLimitsProperties properties) {
        this.defaultMax = properties.defaultMax().toBytes();
        this.rules = properties.endpoints().stream()
                .map(endpoint -> new Rule(
                        endpoint.method() == null || endpoint.method().isBlank() ? null
                                : endpoint.method().strip().toUpperCase(Locale.ROOT),
                        PathPatternParser.defaultInstance.parse(endpoint.path()), endpoint.max().toBytes()))
                .toList();
    }

    Limit limitFor(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(pathWithinApplication(request));
        for (Rule rule : rules) {
            if ((rule.method() == null || rule.method().equals(request.getMethod())) && rule.path().matches(path)) {
                return new Limit(rule.max(), true);
            }
        }
        return new Limit(defaultMax, false);
    }

    /** The path without the context path, also when a trusted X-Forwarded-Prefix has been put in front of both. */
    private static String pathWithinApplication(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = context != null && !context.isEmpty() && uri.startsWith(context)
                ? uri.substring(context.length()) : uri;
        return path.isEmpty() ? "/" : path;
    }

    /** @param endpoint whether a configured endpoint rule set it (an upload endpoint), not the default */
    record Limit(long max, boolean endpoint) {
    }

    private record Rule(String method, PathPattern path, long max) {
    }
}
