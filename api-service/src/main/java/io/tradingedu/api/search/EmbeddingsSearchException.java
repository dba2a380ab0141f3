package io.tradingedu.api.search;

import org.springframework.http.HttpStatus;

/**
 * A search embeddings-service did not answer: it refused it (its 4xx, with its reason and field), failed it (its
 * 5xx, or an answer that is no search result), or could not be reached in time. Carries what the client is told.
 */
class EmbeddingsSearchException extends RuntimeException {

    private final HttpStatus status;
    private final String kind;
    private final String title;
    private final String field;

    private EmbeddingsSearchException(HttpStatus status, String kind, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.field = field;
    }

    /** Its 400 is the client's bad parameter, told in the same words as api-service's own. */
    static EmbeddingsSearchException refused(HttpStatus status, String detail, String field) {
        return status == HttpStatus.BAD_REQUEST
                ? new EmbeddingsSearchException(status, "bad-parameter", "Bad parameter", detail, field)
                : new EmbeddingsSearchException(status, "search-refused", "Search refused", detail, field);
    }

    static EmbeddingsSearchException failed(String detail) {
        return new EmbeddingsSearchException(HttpStatus.BAD_GATEWAY, "embeddings-failed",
                "Embeddings service failed", detail, null);
    }

    static EmbeddingsSearchException unavailable(String detail) {
        return new EmbeddingsSearchException(HttpStatus.SERVICE_UNAVAILABLE, "embeddings-unavailable",
                "Embeddings service unavailable", detail, null);
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

    /** The parameter refused, in api-service's spelling; {@code null} when none was named. */
    String field() {
        return field;
    }
}
