package io.tradingedu.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Multipart bodies, which the container parses from its own stream (past the counting wrapper) and Spring parses
 * before it looks for a handler: only upload endpoints take them, and chunked only where the multipart limit is
 * the endpoint's own.
 */
class MultipartLimitTest {

    private static final String BOUNDARY = "te-boundary";
    private static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

    private static Path spool;
    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() throws IOException {
        spool = Files.createTempDirectory("multipart-spool");
        context = EdgeTestApplication.start("request.limits.default=100B", "server.tomcat.max-swallow-size=-1",
                "spring.servlet.multipart.location=" + spool, "spring.servlet.multipart.file-size-threshold=0",
                "spring.servlet.multipart.max-request-size=1MB", "spring.servlet.multipart.max-file-size=1MB",
                "request.limits.endpoints[0].method=POST", "request.limits.endpoints[0].path=/form",
                "request.limits.endpoints[0].max=1KB",
                "request.limits.endpoints[1].method=POST", "request.limits.endpoints[1].path=/big-form",
                "request.limits.endpoints[1].max=${spring.servlet.multipart.max-request-size}");
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    /** The start of a form with one file part, as an endless upload would begin. */
    private static byte[] partStart(int fileBytes) {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"v.mp4\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + "x".repeat(fileBytes))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] form(int fileBytes) {
        byte[] start = partStart(fileBytes);
        byte[] end = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] form = new byte[start.length + end.length];
        System.arraycopy(start, 0, form, 0, start.length);
        System.arraycopy(end, 0, form, start.length, end.length);
        return form;
    }

    private static RawHttp.Answer chunkedStart(RawHttp connection, String path) throws IOException {
        return connection.head("POST " + path + " HTTP/1.1", "Host: localhost", "Content-Type: " + MULTIPART,
                "Transfer-Encoding: chunked").chunk(partStart(64 * 1024)).answer();
    }

    /** The rest of an endless body is not read and discarded (as Tomcat would, with max-swallow-size -1). */
    static void assertClosedSoon(RawHttp connection) {
        long sent = connection.sendsUntilClosed(256L * 1024 * 1024);
        assertThat(sent).as("bytes sent until the server closed; -1: still open after 256 MB")
                .isBetween(0L, 16L * 1024 * 1024);
    }

    private static long spooledFiles() {
        try (Stream<Path> files = Files.walk(spool)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void chunkedMultipartToAnEndpointThatTakesNoneIsRefusedBeforeAnythingIsSpooled() throws Exception {
        for (String path : new String[] {"/json", "/items/link", "/nowhere"}) {
            try (RawHttp connection = RawHttp.connect(EdgeTestApplication.port(context))) {
                // the body never ends: only an answer given without parsing it comes back at all
                RawHttp.Answer answer = chunkedStart(connection, path);

                assertThat(answer.status()).as(path).isEqualTo(415);
                assertThat(answer.headers()).as(path).containsEntry("content-type", "application/problem+json")
                        .containsEntry("connection", "close");
                assertThat(answer.body()).as(path)
                        .contains("\"type\":\"https://tradingedu.io/problems/multipart-not-accepted\"")
                        .contains("\"detail\":\"this endpoint takes no multipart body: POST " + path
                                + " is no upload endpoint\"");
                assertThat(spooledFiles()).as(path).isZero();
                assertClosedSoon(connection);
            }
        }
    }

    @Test
    void chunkedMultipartToAnEndpointWhoseLimitIsBelowTheMultipartOneNeedsALength() throws Exception {
        try (RawHttp connection = RawHttp.connect(EdgeTestApplication.port(context))) {
            RawHttp.Answer answer = chunkedStart(connection, "/form");

            assertThat(answer.status()).isEqualTo(411);
            assertThat(answer.headers()).containsEntry("connection", "close");
            assertThat(answer.body())
                    .contains("\"detail\":\"a multipart body to POST /form must declare its Content-Length (not be "
                            + "sent chunked); it takes at most 1024 bytes (1 kB)\"")
                    .contains("\"limit\":1024");
            assertThat(spooledFiles()).isZero();
            assertClosedSoon(connection);
        }
    }

    @Test
    void multipartWithinTheUploadEndpointsLimitsIsParsed() throws Exception {
        HttpRequest.Builder withLength = HttpRequest.newBuilder(EdgeTestApplication.uri(context, "/form"))
                .header("Content-Type", MULTIPART).POST(BodyPublishers.ofByteArray(form(500)));
        assertThat(EdgeTestApplication.send(withLength).body()).isEqualTo("{\"bytes\":500}");

        HttpRequest.Builder tooLong = HttpRequest.newBuilder(EdgeTestApplication.uri(context, "/form"))
                .header("Content-Type", MULTIPART).POST(BodyPublishers.ofByteArray(form(2000)));
        assertThat(EdgeTestApplication.send(tooLong).statusCode()).isEqualTo(413);

        // where the endpoint's limit is the multipart one, the container's own bound holds a chunked body
        byte[] big = form(100_000);
        HttpRequest.Builder chunked = HttpRequest.newBuilder(EdgeTestApplication.uri(context, "/big-form"))
                .header("Content-Type", MULTIPART)
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
        HttpResponse<String> answer = EdgeTestApplication.send(chunked);
        assertThat(answer.body()).isEqualTo("{\"bytes\":100000}");
    }
}
