package io.tradingedu.api.upstream;

import org.springframework.http.HttpStatus;

/**
 * A service api-service depends on did not give what was asked: it refused (its 4xx, passed on with its
 * detail and field), failed (its 5xx or an unreadable answer: 502) or could not be reached in time (503). The
 * problem's type names the service, e.g. {@code orchestrator-unavailable}.
 */
public class UpstreamException extends RuntimeException {

    private final HttpStatus status;
    private final String kind;
    private final String title;
    private final String field;

    public UpstreamException(HttpStatus status, String kind, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.field = field;
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

    /** The field the service named; {@code null} when none. */
    public String field() {
        return field;
    }

    /** Unreachable or unavailable, as opposed to a refusal or a failure. */
    public boolean unavailable() {
        return status == HttpStatus.SERVICE_UNAVAILABLE;
    }
}
