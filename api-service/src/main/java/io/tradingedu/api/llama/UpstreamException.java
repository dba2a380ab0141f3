package io.tradingedu.api.llama;

import org.springframework.http.HttpStatus;

/**
 * A service the /llama endpoints depend on did not give what was asked: it refused (its 4xx, passed on with its
 * detail and field), failed (its 5xx or an unreadable answer: 502) or could not be reached in time (503). The
 * problem's type names the service, e.g. {@code orchestrator-unavailable}.
 */
class UpstreamException extends RuntimeException {

    private final HttpStatus status;
    private final String kind;
    private final String title;
    private final String field;

    UpstreamException(HttpStatus status, String kind, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.field = field;
    }

    HttpStatus status() {
        return status;
    }

    /** The problem's type suffix. */
    String kind() {
        return kind;
    }

    String title() {
        return title;
    }

    /** The field the service named; {@code null} when none. */
    String field() {
        return field;
    }

    /** Unreachable or unavailable, as opposed to a refusal or a failure. */
    boolean unavailable() {
        return status == HttpStatus.SERVICE_UNAVAILABLE;
    }
}
