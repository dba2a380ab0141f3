package io.tradingedu.support.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradingedu.support.security.ApiKeys;
import io.tradingedu.support.web.ServiceProblemAdvice;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service whose database goes away while it runs (the local PostgreSQL behind a gate the test shuts: the port then
 * refuses connections and open connections are cut), with the shared defaults, advice and health checks.
 */
@SpringBootTest(classes = DatabaseOutageIT.Service.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"outbox.relay.enabled=false", "security.service-token=" + DatabaseOutageIT.SERVICE_TOKEN})
class DatabaseOutageIT {

    static final String SERVICE_TOKEN = "outage-it-service-token-0123456789";
    private static final TcpGate database = TcpGate.to(5432);
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database.open();
        registry.add("spring.datasource.url",
                () -> "jdbc:postgresql://" + database.host() + ":" + database.port() + "/tradingedu");
    }

    @AfterAll
    static void shutGate() {
        database.close();
    }

    @Test
    void anOutageAnswers503AndReadinessDownThenEverythingRecoversWithoutRestart() throws Exception {
        assertThat(get("/probe").statusCode()).isEqualTo(200);

        database.shut();

        for (String path : new String[] {"/probe", "/probe/transaction"}) {
            HttpResponse<String> outage = get(path);
            assertThat(outage.statusCode()).as(path).isEqualTo(503);
            assertThat(outage.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(outage.headers().firstValue("Retry-After")).contains("5");
            JsonNode problem = json.readTree(outage.body());
            assertThat(problem.path("type").asString()).isEqualTo("https://tradingedu.io/problems/service-unavailable");
            assertThat(problem.path("detail").asString()).contains("database is unreachable");
        }
        // an API key cannot be checked without the database: a 503 to retry, not a 401 that says the key is bad
        HttpResponse<String> keyChecked = get("/probe", ApiKeys.generate());
        assertThat(keyChecked.statusCode()).isEqualTo(503);
        assertThat(keyChecked.headers().firstValue("Retry-After")).contains("5");
        assertThat(json.readTree(keyChecked.body()).path("detail").asString())
                .isEqualTo("the API key cannot be checked: the database is unreachable or busy; try again in a few "
                        + "seconds");

        HttpResponse<String> notReady = get("/actuator/health/readiness");
        assertThat(notReady.statusCode()).isEqualTo(503);
        JsonNode readiness = json.readTree(notReady.body());
        assertThat(readiness.path("status").asString()).isEqualTo("DOWN");
        assertThat(readiness.path("components").path("db").path("status").asString()).isEqualTo("DOWN");
        // a probe sending an API key that cannot be checked now still gets readiness's own answer (no details)
        HttpResponse<String> probedWithKey = get("/actuator/health/readiness", ApiKeys.generate());
        assertThat(probedWithKey.statusCode()).isEqualTo(503);
        assertThat(json.readTree(probedWithKey.body()).path("status").asString()).isEqualTo("DOWN");
        assertThat(json.readTree(probedWithKey.body()).has("components")).isFalse();

        database.open();

        // the pool reconnects by itself; no restart, no manual step
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            assertThat(get("/probe").statusCode()).isEqualTo(200);
            assertThat(get("/probe/transaction").statusCode()).isEqualTo(200);
        });
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(json.readTree(get("/actuator/health/readiness").body()).path("components").path("db")
                        .path("status").asString()).isEqualTo("UP"));
    }

    /** With the service token, which is checked without the database, and sees health details. */
    private HttpResponse<String> get(String path) throws Exception {
        return get(path, SERVICE_TOKEN);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        // the guard only keeps a hanging service from hanging the build; the assertions are about the answers
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({Probe.class, Advice.class})
    static class Service {
    }

    @RestController
    static class Probe {

        private final JdbcTemplate jdbc;
        private final TransactionTemplate transactions;

        Probe(JdbcTemplate jdbc, TransactionTemplate transactions) {
            this.jdbc = jdbc;
            this.transactions = transactions;
        }

        @GetMapping("/probe")
        Map<String, Integer> probe() {
            return Map.of("answer", jdbc.queryForObject("SELECT 1", Integer.class));
        }

        /** A transaction that cannot begin fails with CannotCreateTransactionException, not a DataAccessException. */
        @GetMapping("/probe/transaction")
        Map<String, Integer> probeInTransaction() {
            return Map.of("answer", transactions.execute(status -> jdbc.queryForObject("SELECT 1", Integer.class)));
        }
    }

    @RestControllerAdvice
    static class Advice extends ServiceProblemAdvice {
    }
}
