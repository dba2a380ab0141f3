package io.tradingedu.support.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;

/** The 413 {@code body-too-large} problem: how large the body is (when known) and what the endpoint takes. */
final class BodyTooLargeProblem {

    private BodyTooLargeProblem() {
    }

    /** {@code size} is the declared Content-Length, or null for a chunked body cut off at the limit. */
    static ProblemDetail of(String method, String path, Long size, long limit) {
        String detail = (size == null ? "the body is more than " + bytes(limit) : "the body is " + bytes(size))
                + "; " + method + " " + path + " takes at most " + bytes(limit);
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                detail);
        problem.setInstance(URI.create(path));
        problem.setProperty("limit", limit);
        if (size != null) {
            problem.setProperty("size", size);
        }
        return problem;
    }

    /** The fields as RFC 9457 lays them out, for writing without Spring MVC's converters (in a filter). */
    static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", problem.getType().toString());
        fields.put("title", problem.getTitle());
        fields.put("status", problem.getStatus());
        fields.put("detail", problem.getDetail());
        fields.put("instance", problem.getInstance() == null ? null : problem.getInstance().toString());
        if (problem.getProperties() != null) {
            fields.putAll(problem.getProperties());
        }
        return fields;
    }

    static String bytes(long n) {
        String readable;
        if (n >= DataSize.ofGigabytes(1).toBytes() && n % DataSize.ofGigabytes(1).toBytes() == 0) {
            readable = n / DataSize.ofGigabytes(1).toBytes() + " GB";
        } else if (n >= DataSize.ofMegabytes(1).toBytes() && n % DataSize.ofMegabytes(1).toBytes() == 0) {
            readable = n / DataSize.ofMegabytes(1).toBytes() + " MB";
        } else if (n >= DataSize.ofKilobytes(1).toBytes() && n % DataSize.ofKilobytes(1).toBytes() == 0) {
            readable = n / DataSize.ofKilobytes(1).toBytes() + " kB";
        } else {
            return n + " bytes";
        }
        return n + " bytes (" + readable + ")";
    }
}
