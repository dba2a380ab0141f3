package io.tradingedu.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enforces each endpoint's body limit in the service itself, whatever proxy is (or is not) in front: a declared
 * Content-Length above the limit is answered 413 before a byte of the body is read; a body without one (chunked) is
 * counted while it is read and cut off at the limit ({@link LimitedBodyRequest}).
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final RequestBodyLimits limits;

    RequestBodyLimitFilter(RequestBodyLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long max = limits.maxFor(request);
        long length = request.getContentLengthLong();
        if (length > max) {
            // the body is not wanted: do not let the connection carry it on to the next request
            response.setHeader(HttpHeaders.CONNECTION, "close");
            write(response, request, length, max);
            return;
        }
        try {
            chain.doFilter(new LimitedBodyRequest(request, max), response);
        } catch (IOException | ServletException | RuntimeException e) {
            // read outside Spring MVC (another filter), so no advice answered: answer here if still possible
            Optional<RequestBodyTooLargeException> tooLarge = tooLarge(e);
            if (tooLarge.isEmpty() || response.isCommitted()) {
                throw e;
            }
            response.reset();
            write(response, request, null, tooLarge.get().limit());
        }
    }

    private static Optional<RequestBodyTooLargeException> tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }

    private static void write(HttpServletResponse response, HttpServletRequest request, Long size, long max)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JsonMapper.shared().writeValueAsBytes(BodyTooLargeProblem.asMap(
                BodyTooLargeProblem.of(request.getMethod(), request.getRequestURI(), size, max))));
    }
}
