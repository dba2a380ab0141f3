package io.tradingedu.support.web;

import java.io.IOException;

/**
 * A request body past its endpoint's limit, found while it was read (a chunked body has no length to check first).
 * An {@link IOException} because it is thrown by the body's stream; {@link RequestBodyLimitAdvice} answers it with
 * 413 however the reader wrapped it.
 */
class RequestBodyTooLargeException extends IOException {

    private final long limit;

    RequestBodyTooLargeException(long limit) {
        super("the body is more than " + limit + " bytes; this endpoint takes at most " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
