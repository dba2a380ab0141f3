package io.tradingedu.support.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpHeaders;

/**
 * Makes {@code Connection: close} on an answer mean what it says in Tomcat. Tomcat on its own reads and discards
 * the rest of an unread request body before it closes, up to {@code server.tomcat.max-swallow-size}, and without end
 * when that is -1 (as in api-service): a client refused with 401 or 413 could keep a connection and a thread busy
 * with an endless upload. Here at most {@value #DRAIN_LIMIT} bytes are read and dropped, so that a client that sends
 * a little too much still reads its answer rather than a reset connection; past that the connection is closed with
 * the rest unread. The filters that refuse a request without reading its body (body limits, the security layer)
 * set the header.
 */
final class UnreadBodyValve extends ValveBase {

    /** What Tomcat's Http11Processor answers with {@code Connection: close} whatever the application says. */
    private static final Set<Integer> CLOSING_STATUSES = Set.of(400, 408, 411, 413, 414, 500, 501, 503);

    /** As much as the default body limit of every endpoint. */
    static final int DRAIN_LIMIT = 1024 * 1024;

    UnreadBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        // an async request ends later, when its body may still be read: only finished ones are cut off here; an
        // answer by sendError is yet to be rendered (Boot's error page), after this valve: Tomcat's bound holds then
        if (request.isAsync() || response.isError() || !hasBody(request) || !closes(response)) {
            return;
        }
        // the whole answer goes out first (as Tomcat would finish it next): the client may be reading it while it
        // is still sending, and a reset connection must not cut its end off
        response.finishResponse();
        if (!drained(request)) {
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
    }

    private static boolean hasBody(Request request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** The application said so, or Tomcat will for this status (as it does for 400, 411, 413, 500, 503, ...). */
    private static boolean closes(Response response) {
        return saysClose(response.getHeaders(HttpHeaders.CONNECTION)) || CLOSING_STATUSES.contains(response.getStatus());
    }

    /** Whether the body ended within the drain limit; a client waiting for 100-continue is not waited for. */
    private static boolean drained(Request request) {
        if (request.getCoyoteRequest().hasExpectation()) {
            return false;
        }
        byte[] buffer = new byte[8192];
        long left = DRAIN_LIMIT;
        try {
            InputStream body = request.getStream();
            while (left > 0) {
                int n = body.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    return true;
                }
                left -= n;
            }
            return false;
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    private static boolean saysClose(Iterable<String> values) {
        for (String value : values) {
            for (String token : value.split(",")) {
                if (token.strip().equalsIgnoreCase("close")) {
                    return true;
                }
            }
        }
        return false;
    }
}
