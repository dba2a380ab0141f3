package io.tradingedu.api.access;

/** The cap on active keys is reached; answered 400 naming it. */
class TooManyApiKeysException extends RuntimeException {

    private final int limit;

    TooManyApiKeysException(int limit) {
        super("at most " + limit + " API keys may be active at once; revoke one first (DELETE /admin/api_keys/{id})");
        this.limit = limit;
    }

    int limit() {
        return limit;
    }
}
