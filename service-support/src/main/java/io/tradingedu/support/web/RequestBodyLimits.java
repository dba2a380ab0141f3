package io.tradingedu.support.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** The body limit of a request: the first configured endpoint whose method and path match, else the default. */
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

    long maxFor(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(pathWithinApplication(request));
        for (Rule rule : rules) {
            if ((rule.method() == null || rule.method().equals(request.getMethod())) && rule.path().matches(path)) {
                return rule.max();
            }
        }
        return defaultMax;
    }

    /** The path without the context path, also when a trusted X-Forwarded-Prefix has been put in front of both. */
    private static String pathWithinApplication(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = context != null && !context.isEmpty() && uri.startsWith(context)
                ? uri.substring(context.length()) : uri;
        return path.isEmpty() ? "/" : path;
    }

    private record Rule(String method, PathPattern path, long max) {
    }
}
