package io.tradingedu.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** SECURITY_ENABLED=false: every endpoint answers anyone, and the service says so loudly when it starts. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = SecurityIT.Service.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"outbox.relay.enabled=false", "logging.structured.format.console=",
                "security.enabled=false"})
class SecurityDisabledIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestKeys.URL);
    }

    @Test
    void everythingIsOpenAndTheStartUpLogSaysSoLoudly(CapturedOutput output) throws Exception {
        for (String[] call : new String[][] {{"GET", "/things"}, {"POST", "/things"}, {"DELETE", "/things/1"},
                {"GET", "/admin/things"}, {"GET", "/actuator/metrics"}}) {
            assertThat(send(call[0], call[1], null).statusCode()).as(call[0] + " " + call[1]).isEqualTo(200);
        }
        assertThat(output.getAll()).contains("SECURITY IS OFF: SECURITY_ENABLED=false")
                .contains("Every endpoint of this service answers anyone without a credential");
    }

    @Test
    void aPageOfAnotherOriginStillCannotPostToIt() throws Exception {
        assertThat(send("POST", "/things", "https://evil.example").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> send(String method, String path, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody());
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
