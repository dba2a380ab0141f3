package io.tradingedu.api.support;

import java.util.List;

/**
 * skip/limit paging as the public API names it. {@link #MAX_LIMIT} bounds what one request can cost: no list
 * endpoint returns more rows than that, however many match.
 */
public record Paging(int skip, int limit) {

    public static final int MAX_LIMIT = 200;

    public Paging {
        if (skip < 0) {
            throw new BadParameterException("skip", "must be 0 or more; got " + skip);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadParameterException("limit", "must be between 1 and " + MAX_LIMIT + "; got " + limit);
        }
    }

    /** One page of a list with the number of all matching rows. */
    public record Page<T>(long total, int skip, int limit, List<T> items) {

        public static <T> Page<T> of(long total, Paging paging, List<T> items) {
            return new Page<>(total, paging.skip(), paging.limit(), items);
        }
    }
}
