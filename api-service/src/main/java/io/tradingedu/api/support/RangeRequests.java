package io.tradingedu.api.support;

import java.io.IOException;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpRange;

/**
 * HTTP Range requests for files served as a {@link Resource} body. Spring MVC answers a satisfiable range itself
 * (206 with exactly those bytes, {@code Accept-Ranges: bytes}); an unsatisfiable one has to be refused before the
 * body is returned, because Spring would send the whole file along with its 416.
 */
public final class RangeRequests {

    private RangeRequests() {
    }

    /**
     * Throws {@link RangeNotSatisfiableException} (answered 416 with {@code Content-Range: bytes *}{@code /<size>})
     * when {@code range} is present and no byte of the file satisfies it, or it cannot be parsed.
     *
     * @param range the request's {@code Range} header; {@code null} when absent
     */
    public static void requireSatisfiable(String range, Resource file) throws IOException {
        if (range == null) {
            return;
        }
        try {
            HttpRange.toResourceRegions(HttpRange.parseRanges(range), file);
        } catch (IllegalArgumentException e) {
            throw new RangeNotSatisfiableException(range, file.contentLength());
        }
    }
}
