package io.tradingedu.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The RFC 9457 problems of the security filters, which answer before any controller advice could: 401 with
 * {@code WWW-Authenticate: Bearer} (RFC 6750), 403 naming the scope needed, 503 when a credential cannot be checked
 * now. Never a stack trace, never the credential. A refused request's body is never read: the connection is closed
 * after the answer instead.
 */
final class AccessProblems {

    static final String NEED_CREDENTIAL = "a credential is needed: send Authorization: Bearer <API key or token>";
    private static final String TYPE_BASE = "https://tradingedu.io/problems/";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A database or issuer outage lasts seconds to minutes; the same hint as the services' other 503s. */
    private static final String RETRY_AFTER_SECONDS = "5";

    private AccessProblems() {
    }

    /** No credential where one is needed. */
    static void credentialNeeded(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", NEED_CREDENTIAL);
    }

    /** A credential was sent and refused, or could not be checked. */
    static void credentialFailed(HttpServletRequest request, HttpServletResponse response,
                                 CredentialCheckException failure) throws IOException {
        if (failure.status() == HttpStatus.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\", error_description=\""
                    + quoted(failure.getMessage()) + "\"");
            write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", failure.getMessage());
        } else {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                    failure.getMessage());
        }
    }

    /** Checking a credential failed in a way nobody foresaw; the details are in the log. */
    static void checkFailed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the credential could not be checked; the error has been logged");
    }

    /** A credential without the scope the request needs. */
    static void scopeMissing(HttpServletRequest request, HttpServletResponse response, Scope needed,
                             String granted) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", scope=\""
                + needed.label() + "\"");
        Map<String, Object> extra = Map.of("scope_needed", needed.label());
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "this needs the " + needed.label() + " scope; the credential has " + granted, extra);
    }

    /** A cross-origin request or preflight from an origin not in CORS_ALLOWED_ORIGINS. */
    static void originRefused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "cors-origin-refused", "Origin not allowed",
                "requests from this origin are not allowed: add it to CORS_ALLOWED_ORIGINS to let its web pages "
                        + "call this service", Map.of());
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                              String type, String title, String detail) throws IOException {
        write(request, response, status, type, title, detail, Map.of());
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                              String type, String title, String detail, Map<String, Object> extra)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_BASE + type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        if (request != null) {
            problem.put("instance", request.getRequestURI());
        }
        problem.putAll(extra);
        if (request != null && hasBody(request)) {
            // the body is not wanted: closing stops the container reading and discarding it, however large it is
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        byte[] body = JSON.writeValueAsBytes(problem);
        // delimited by its length, not by the end of a connection that may yet take a while to close
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** A header's quoted-string may not hold a quote or backslash unescaped. */
    private static String quoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
