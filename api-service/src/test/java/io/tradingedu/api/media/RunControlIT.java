package io.tradingedu.api.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Cancel and retry through the public API reach the orchestrator's run endpoints, and the orchestrator's refusal
 * comes back as the same status with its reason. The orchestrator is a stub HTTP server here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.structured.format.console=")
class RunControlIT {

    @TempDir
    static Path base;
    static final List<String> ORCHESTRATOR_CALLS = new CopyOnWriteArrayList<>();
    static HttpServer orchestrator;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        orchestrator = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        orchestrator.createContext("/runs/", exchange -> {
            ORCHESTRATOR_CALLS.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " with "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            if (exchange.getRequestURI().getPath().endsWith("/retry")) {
                byte[] problem = "{\"status\":409,\"detail\":\"run is running, only a failed run can be retried\"}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(409, problem.length);
                exchange.getResponseBody().write(problem);
            } else {
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        orchestrator.start();
        registry.add("orchestrator.url", () -> "http://127.0.0.1:" + orchestrator.getAddress().getPort());
        TestSetup.mediaRoots(registry, base);
    }

    @AfterAll
    static void stopOrchestrator() {
        orchestrator.stop(0);
    }

    @LocalServerPort
    int port;
    @Value("${security.service-token}")
    String serviceToken;
    RestClient http;

    @BeforeEach
    void client() {
        http = TestSetup.http(port, serviceToken);
        ORCHESTRATOR_CALLS.clear();
    }

    @Test
    void cancelIsForwardedForTheItemsRun() throws Exception {
        Map<?, ?> item = ingest("cancel-me.mp4", 11);

        ResponseEntity<Map> answer = http.post().uri("/media_items/{id}/cancel", item.get("id")).retrieve()
                .toEntity(Map.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        // with the suite's service token: the orchestrator checks credentials too
        assertThat(ORCHESTRATOR_CALLS).containsExactly("POST /runs/" + item.get("run_id") + "/cancel with Bearer "
                + serviceToken);
    }

    @Test
    void orchestratorsRefusalComesBackWithItsStatusAndReason() throws Exception {
        Map<?, ?> item = ingest("retry-me.mp4", 12);

        ResponseEntity<Map> answer = http.post().uri("/media_items/{id}/retry", item.get("id")).retrieve()
                .toEntity(Map.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody()).containsEntry("type", "https://tradingedu.io/problems/run-control")
                .containsEntry("detail", "run is running, only a failed run can be retried");
        assertThat(ORCHESTRATOR_CALLS).containsExactly("POST /runs/" + item.get("run_id") + "/retry with Bearer "
                + serviceToken);
    }

    private Map<?, ?> ingest(String name, int seed) throws Exception {
        Path ingestRoot = Files.createDirectories(base.resolve("ingest"));
        byte[] content = new byte[2_000];
        new Random(seed).nextBytes(content);
        Files.write(ingestRoot.resolve(name), content);
        return http.post().uri("/ingest").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("video_path", name)).retrieve().body(Map.class);
    }
}
