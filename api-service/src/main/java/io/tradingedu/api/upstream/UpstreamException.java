package io.tradingedu.api.upstream;

import org.springframework.http.HttpStatus;

/**
 * A service api-service depends on did not give what was asked: it refused (its 4xx, passed on with its
 * detail and field), failed (its 5xx or an unreadable answer: 502) or could not be reached in time (503). The
 * problem's type names the service, e.g. {@code orchestrator-unavailable}. A refusal to come back later (429, 503)
 * keeps the service's {@code Retry-After}.
 */
public class UpstreamException extends RuntimeException {

    private final HttpStatus status;
    private final String kind;
    private final String title;
    private final String field;
    private final String retryAfter;

    public UpstreamException(HttpStatus status, String kind, String title, String detail, String field) {
        this(status, kind, title, detail, field, null);
    }

    UpstreamException(HttpStatus status, String kind, String title, String detail, String field, String retryAfter) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    public HttpStatus status() {
        return status;
    }

    /** The problem's type suffix. */
    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    /** The service's {@code Retry-After} (seconds or an HTTP date), passed on as it came; {@code null} when none. */
    public String retryAfter() {
        return retryAfter;
    }

    /** The field the service named; {@code null} when none. */
    public String field() {
        return field;
    }

    /** Unreachable or unavailable, as opposed to a refusal or a failure. */
    public boolean unavailable() {
        return status == HttpStatus.SERVICE_UNAVAILABLE;
    }
}
