package io.tradingedu.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enforces each endpoint's body limit in the service itself, whatever proxy is (or is not) in front: a declared
 * Content-Length above the limit is answered 413 before a byte of the body is read; a body without one (chunked) is
 * counted while it is read and cut off at the limit ({@link LimitedBodyRequest}).
 *
 * <p>Multipart bodies are parsed by the container from its own stream, which the counting wrapper never sees, and
 * Spring's DispatcherServlet parses any {@code multipart/*} request before it even looks for a handler. Only
 * {@code spring.servlet.multipart.max-request-size} bounds that parse, so multipart is refused here unless an
 * endpoint rule (an upload endpoint) allows it, and refused chunked where that rule's limit is below the multipart
 * one: a declared length is then checked up front and the container reads no more than it.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final RequestBodyLimits limits;
    private final long multipartMax;

    /** @param multipartMax {@code spring.servlet.multipart.max-request-size} in bytes; negative = unlimited */
    RequestBodyLimitFilter(RequestBodyLimits limits, long multipartMax) {
        this.limits = limits;
        this.multipartMax = multipartMax;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestBodyLimits.Limit limit = limits.limitFor(request);
        long max = limit.max();
        long length = request.getContentLengthLong();
        if (isMultipart(request)) {
            if (!limit.endpoint()) {
                refuse(response, multipartNotTaken(request));
                return;
            }
            if (length < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                    && (multipartMax < 0 || max < multipartMax)) {
                refuse(response, lengthRequired(request, max));
                return;
            }
        }
        if (length > max) {
            refuse(response, BodyTooLargeProblem.of(request.getMethod(), request.getRequestURI(), length, max));
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
            write(response, BodyTooLargeProblem.of(request.getMethod(), request.getRequestURI(), null,
                    tooLarge.get().limit()));
        }
    }

    /** As Spring's multipart resolver decides (any {@code multipart/} type, in any case). */
    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && StringUtils.startsWithIgnoreCase(type.stripLeading(), "multipart/");
    }

    private static ProblemDetail multipartNotTaken(HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "multipart-not-accepted",
                "Multipart body not accepted", "this endpoint takes no multipart body: " + request.getMethod() + " "
                        + request.getRequestURI() + " is no upload endpoint");
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    private static ProblemDetail lengthRequired(HttpServletRequest request, long max) {
        ProblemDetail problem = Problems.of(HttpStatus.LENGTH_REQUIRED, "length-required", "Length required",
                "a multipart body to " + request.getMethod() + " " + request.getRequestURI()
                        + " must declare its Content-Length (not be sent chunked); it takes at most "
                        + BodyTooLargeProblem.bytes(max));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("limit", max);
        return problem;
    }

    /** Answers without reading the body, and closes the connection so that it does not carry the body on. */
    private static void refuse(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setHeader(HttpHeaders.CONNECTION, "close");
        write(response, problem);
    }

    private static Optional<RequestBodyTooLargeException> tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }

    private static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        byte[] body = JsonMapper.shared().writeValueAsBytes(BodyTooLargeProblem.asMap(problem));
        // delimited by its length, not by the end of a connection that may yet take a while to close
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
