package io.tradingedu.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

class RequestBodyLimitTest {

    private static ConfigurableApplicationContext context;
    private static EdgeTestApplication.EdgeController controller;

    @BeforeAll
    static void start() {
        context = EdgeTestApplication.start("request.limits.default=100B",
                "request.limits.endpoints[0].method=POST", "request.limits.endpoints[0].path=/upload",
                "request.limits.endpoints[0].max=1KB");
        controller = context.getBean(EdgeTestApplication.EdgeController.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @BeforeEach
    void reset() {
        controller.bodiesRead.set(0);
    }

    /** A JSON object of exactly {@code size} bytes. */
    private static byte[] json(int size) {
        String prefix = "{\"text\":\"";
        return (prefix + "x".repeat(size - prefix.length() - 2) + "\"}").getBytes();
    }

    private static BodyPublisher chunked(byte[] body) {
        return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    private static HttpResponse<String> post(String path, String type, BodyPublisher body) throws Exception {
        return EdgeTestApplication.send(HttpRequest.newBuilder(EdgeTestApplication.uri(context, path))
                .header("Content-Type", type).POST(body));
    }

    @Test
    void aDeclaredLengthAboveTheLimitIsAnswered413BeforeTheBodyIsRead() throws Exception {
        HttpResponse<String> response = post("/json", "application/json", BodyPublishers.ofByteArray(json(200)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"type\":\"https://tradingedu.io/problems/body-too-large\"")
                .contains("\"detail\":\"the body is 200 bytes; POST /json takes at most 100 bytes\"")
                .contains("\"limit\":100", "\"size\":200");
        assertThat(controller.bodiesRead).hasValue(0);
    }

    @Test
    void aChunkedJsonBodyIsCutOffAtTheLimit() throws Exception {
        HttpResponse<String> response = post("/json", "application/json", chunked(json(5000)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"detail\":\"the body is more than 100 bytes; POST /json takes at most 100 bytes\"");
    }

    @Test
    void aChunkedBodyReadAsAStreamIsCutOffAtItsEndpointsLimit() throws Exception {
        HttpResponse<String> response = post("/upload", "text/csv", chunked(new byte[5000]));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains(
                "\"detail\":\"the body is more than 1024 bytes (1 kB); POST /upload takes at most 1024 bytes (1 kB)\"");
    }

    @Test
    void bodiesWithinTheirLimitsPass() throws Exception {
        assertThat(post("/json", "application/json", chunked(json(100))).body()).isEqualTo("{\"keys\":1}");
        assertThat(post("/json", "application/json", BodyPublishers.ofByteArray(json(100))).statusCode())
                .isEqualTo(200);
        // above the default, within the upload endpoint's own limit, chunked and with a length
        assertThat(post("/upload", "text/csv", chunked(new byte[1024])).body()).isEqualTo("{\"bytes\":1024}");
        assertThat(post("/upload", "text/csv", BodyPublishers.ofByteArray(new byte[1000])).body())
                .isEqualTo("{\"bytes\":1000}");
    }

    @Test
    void anEndpointsLimitCanBeTheMultipartLimitSoTheTwoAgree() throws Exception {
        // as the services configure their upload endpoints
        try (ConfigurableApplicationContext own = EdgeTestApplication.start(
                "spring.servlet.multipart.max-request-size=2KB", "request.limits.endpoints[0].method=POST",
                "request.limits.endpoints[0].path=/upload",
                "request.limits.endpoints[0].max=${spring.servlet.multipart.max-request-size}")) {
            HttpRequest.Builder upload = HttpRequest.newBuilder(EdgeTestApplication.uri(own, "/upload"))
                    .header("Content-Type", "text/csv");

            assertThat(EdgeTestApplication.send(upload.POST(BodyPublishers.ofByteArray(new byte[2048]))).body())
                    .isEqualTo("{\"bytes\":2048}");
            assertThat(EdgeTestApplication.send(upload.POST(BodyPublishers.ofByteArray(new byte[2049]))).body())
                    .contains("the body is 2049 bytes; POST /upload takes at most 2048 bytes (2 kB)");
        }
    }

    @Test
    void theEndpointsLimitHoldsForItsMethodOnly() throws Exception {
        HttpResponse<String> response = EdgeTestApplication.send(HttpRequest.newBuilder(
                EdgeTestApplication.uri(context, "/upload")).header("Content-Type", "text/csv")
                .PUT(BodyPublishers.ofByteArray(new byte[500])));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("PUT /upload takes at most 100 bytes");
    }
}
