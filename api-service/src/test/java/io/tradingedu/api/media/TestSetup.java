package io.tradingedu.api.media;

import java.nio.file.Path;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.client.RestClient;

/** What the api-service integration tests share: their own media and ingest roots, and a client that never throws. */
final class TestSetup {

    private TestSetup() {
    }

    static void mediaRoots(DynamicPropertyRegistry registry, Path base) {
        registry.add("media.root", () -> base.resolve("media").toString());
        registry.add("media.ingest-root", () -> base.resolve("ingest").toString());
    }

    /**
     * Answers of every status come back as responses for the test to assert on. Every request carries {@code token}
     * (the tests' service token, {@code security.service-token}).
     */
    static RestClient http(int port, String token) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }
}
