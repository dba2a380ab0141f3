package io.tradingedu.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.support.web.RawHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared filter chain in a small service over real HTTP: API keys from a table in the local PostgreSQL, the
 * service token, JWTs from an issuer the test runs, the CORS allow-list and the actuator's open and closed parts.
 */
@SpringBootTest(classes = SecurityIT.Service.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"outbox.relay.enabled=false", "logging.structured.format.console=",
                "security.service-token=" + SecurityIT.SERVICE_TOKEN,
                "security.api-key-table=" + TestKeys.TABLE,
                "security.read-only-posts=/things/search", "security.jwt.audience=tradingedu",
                "security.cors.allowed-origins=https://dashboard.example.org",
                // as api-service: Tomcat alone would read a refused body to its end, however long
                "server.tomcat.max-swallow-size=-1"})
class SecurityIT {

    static final String SERVICE_TOKEN = "test-service-token-0123456789abcdef";
    private static final StubIssuer ISSUER = new StubIssuer();
    private static final TestKeys KEYS = new TestKeys();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("security.jwt.issuer-uri", ISSUER::issuer);
        registry.add("spring.datasource.url", () -> TestKeys.URL);
    }

    @AfterAll
    static void cleanUp() {
        KEYS.removeOwn();
        ISSUER.close();
    }

    // ---- no credential, unknown credentials ---------------------------------------------------------------------

    @Test
    void aWriteWithoutCredentialIsAnUnauthorizedProblemWithBearerChallenge() throws Exception {
        HttpResponse<String> answer = send("POST", "/things", null, Map.of());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://tradingedu.io/problems/unauthorized");
        assertThat(problem.path("title").asString()).isEqualTo("Unauthorized");
        assertThat(problem.path("detail").asString())
                .isEqualTo("a credential is needed: send Authorization: Bearer <API key or token>");
    }

    @Test
    void readsNeedACredentialUnlessOpenedByConfiguration() throws Exception {
        assertThat(send("GET", "/things", null, Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownOrRevokedKeyIsRefusedWithoutEchoingIt() throws Exception {
        String unknown = ApiKeys.generate();
        String revoked = KEYS.revokedKey();
        for (String key : new String[] {unknown, revoked, "te_short", "not-a-known-token-of-any-kind-at-all"}) {
            HttpResponse<String> answer = send("GET", "/things", key, Map.of());
            assertThat(answer.statusCode()).as(key).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .startsWith("Bearer error=\"invalid_token\"");
            assertThat(JSON.readTree(answer.body()).path("detail").asString())
                    .isEqualTo("the credential is unknown or revoked");
            assertThat(answer.body()).doesNotContain(key);
        }
    }

    // ---- API keys and scopes ------------------------------------------------------------------------------------

    @Test
    void aReadKeyReadsButAWriteIsForbiddenNamingTheScope() throws Exception {
        String read = KEYS.key("read");

        assertThat(send("GET", "/things", read, Map.of()).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/things/search", read, Map.of()).statusCode()).as("read-only POST").isEqualTo(200);
        HttpResponse<String> write = send("POST", "/things", read, Map.of());

        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = JSON.readTree(write.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://tradingedu.io/problems/forbidden");
        assertThat(problem.path("detail").asString()).isEqualTo("this needs the write scope; the credential has read");
        assertThat(problem.path("scope_needed").asString()).isEqualTo("write");
        assertThat(send("DELETE", "/things/1", read, Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void adminImpliesWriteWhichImpliesRead() throws Exception {
        String write = KEYS.key("write");
        String admin = KEYS.key("admin");

        assertThat(send("GET", "/things", write, Map.of()).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/things", write, Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> adminByWrite = send("GET", "/admin/things", write, Map.of());
        assertThat(adminByWrite.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(adminByWrite.body()).path("detail").asString())
                .isEqualTo("this needs the admin scope; the credential has write");

        assertThat(send("GET", "/things", admin, Map.of()).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/things/1", admin, Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> adminByAdmin = send("GET", "/admin/things", admin, Map.of());
        assertThat(adminByAdmin.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(adminByAdmin.body()).path("caller").asString()).isEqualTo("api-key:test admin");
    }

    @Test
    void theServiceTokenReadsAndWritesButIsNoAdmin() throws Exception {
        assertThat(send("GET", "/things", SERVICE_TOKEN, Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> write = send("POST", "/things", SERVICE_TOKEN, Map.of());
        assertThat(write.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(write.body()).path("caller").asString()).isEqualTo("service");

        HttpResponse<String> admin = send("GET", "/admin/things", SERVICE_TOKEN, Map.of());
        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(admin.body()).path("detail").asString())
                .isEqualTo("this needs the admin scope; the credential has read, write");
        assertThat(send("GET", "/things", SERVICE_TOKEN + "x", Map.of()).statusCode()).isEqualTo(401);
    }

    // ---- JWTs ---------------------------------------------------------------------------------------------------

    @Test
    void aValidJwtOfTheIssuerIsAcceptedWithItsScopes() throws Exception {
        HttpResponse<String> write = send("POST", "/things", ISSUER.token("openid write"), Map.of());

        assertThat(write.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(write.body()).path("caller").asString()).isEqualTo("jwt:trader-1");
        assertThat(send("GET", "/admin/things", ISSUER.token("admin"), Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void aJwtWithTooSmallAScopeIsForbidden() throws Exception {
        HttpResponse<String> answer = send("POST", "/things", ISSUER.token("openid read"), Map.of());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(answer.body()).path("detail").asString())
                .isEqualTo("this needs the write scope; the credential has read");
        HttpResponse<String> noScope = send("GET", "/things", ISSUER.token("openid profile"), Map.of());
        assertThat(noScope.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(noScope.body()).path("detail").asString())
                .isEqualTo("this needs the read scope; the credential has no scope");
    }

    @Test
    void expiredForeignAndForgedJwtsAreRefused() throws Exception {
        Map<String, String> tokens = Map.of("expired", ISSUER.expiredToken("write"),
                "without expiry", ISSUER.tokenWithoutExpiry("write"),
                "other issuer", ISSUER.tokenOfAnotherIssuer("write"), "forged", ISSUER.forgedToken("write"),
                "other audience", ISSUER.tokenFor("another-client", "write"));
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            HttpResponse<String> answer = send("GET", "/things", token.getValue(), Map.of());
            assertThat(answer.statusCode()).as(token.getKey()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate").orElseThrow()).as(token.getKey())
                    .startsWith("Bearer error=\"invalid_token\"");
            assertThat(JSON.readTree(answer.body()).path("detail").asString()).as(token.getKey())
                    .startsWith("the token is not valid");
            assertThat(answer.body()).doesNotContain(token.getValue());
        }
    }

    /** A streamed answer is written on an async dispatch, which must still see the request's credential. */
    @Test
    void aStreamedAnswerKeepsItsCredentialAcrossTheAsyncDispatch() throws Exception {
        HttpResponse<String> answer = send("GET", "/things/stream", KEYS.key("read"), Map.of());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("line 1\nline 2\n");
    }

    @Test
    void aJwtWithoutExpiryIsRefusedSayingSo() throws Exception {
        HttpResponse<String> answer = send("GET", "/things", ISSUER.tokenWithoutExpiry("read"), Map.of());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(answer.body()).path("detail").asString())
                .isEqualTo("the token is not valid: the token has no expiry (exp claim)");
    }

    // ---- refused requests with an endless body ------------------------------------------------------------------

    /** Chunked, so that the body limits let it through to the security layer, and never ending. */
    @Test
    void aRefusedRequestsEndlessBodyIsNotReadToItsEnd() throws Exception {
        Map<String, String> refusals = Map.of("401 no credential", "Content-Type: application/json",
                "403 scope", "Authorization: Bearer " + KEYS.key("read"),
                "403 origin", "Origin: https://evil.example");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            try (RawHttp connection = RawHttp.connect(port)) {
                RawHttp.Answer answer = connection.head("POST /things HTTP/1.1", "Host: localhost",
                        refusal.getValue(), "Transfer-Encoding: chunked").chunk(new byte[1000]).answer();

                assertThat(answer.status()).as(refusal.getKey())
                        .isEqualTo(Integer.parseInt(refusal.getKey().substring(0, 3)));
                assertThat(answer.headers()).as(refusal.getKey()).containsEntry("connection", "close");
                assertThat(answer.body()).as(refusal.getKey()).contains("\"status\":" + answer.status());
                long sent = connection.sendsUntilClosed(256L * 1024 * 1024);
                assertThat(sent).as(refusal.getKey() + ": bytes sent until closed (-1: open after 256 MB)")
                        .isBetween(0L, 16L * 1024 * 1024);
            }
        }
    }

    @Test
    void aRefusedRequestWithoutBodyKeepsItsConnection() throws Exception {
        try (RawHttp connection = RawHttp.connect(port)) {
            RawHttp.Answer first = connection.head("GET /things HTTP/1.1", "Host: localhost").answer();
            RawHttp.Answer second = connection.head("GET /things HTTP/1.1", "Host: localhost").answer();

            assertThat(first.status()).isEqualTo(401);
            assertThat(first.headers()).doesNotContainKey("connection");
            assertThat(second.status()).isEqualTo(401);
        }
    }

    // ---- CORS ---------------------------------------------------------------------------------------------------

    @Test
    void aPreflightFromAnUnknownOriginIsRefused() throws Exception {
        HttpResponse<String> answer = send("OPTIONS", "/things", null, Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST"));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(JSON.readTree(answer.body()).path("type").asString())
                .isEqualTo("https://tradingedu.io/problems/cors-origin-refused");
    }

    @Test
    void aSimplePostFromAnUnknownOriginNeverReachesTheController() throws Exception {
        HttpResponse<String> answer = send("POST", "/things", SERVICE_TOKEN, Map.of("Origin", "https://evil.example"));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).doesNotContain("caller");
    }

    @Test
    void anAllowedOriginGetsCorsHeaders() throws Exception {
        HttpResponse<String> preflight = send("OPTIONS", "/things", null, Map.of(
                "Origin", "https://dashboard.example.org", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization, content-type"));

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .contains("https://dashboard.example.org");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
                .contains("authorization", "content-type");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();

        HttpResponse<String> actual = send("POST", "/things", SERVICE_TOKEN,
                Map.of("Origin", "https://dashboard.example.org"));
        assertThat(actual.statusCode()).isEqualTo(200);
        assertThat(actual.headers().firstValue("Access-Control-Allow-Origin"))
                .contains("https://dashboard.example.org");
    }

    // ---- actuator and documentation -----------------------------------------------------------------------------

    @Test
    void healthStatusIsOpenButItsDetailsAndMetricsNeedTheReadScope() throws Exception {
        for (String probe : new String[] {"/actuator/health", "/actuator/health/liveness",
                "/actuator/health/readiness"}) {
            HttpResponse<String> open = send("GET", probe, null, Map.of());
            assertThat(open.statusCode()).as(probe).isEqualTo(200);
            JsonNode status = JSON.readTree(open.body());
            assertThat(status.path("status").asString()).as(probe).isEqualTo("UP");
            assertThat(status.has("components")).as(probe).isFalse();
        }
        JsonNode detailed = JSON.readTree(send("GET", "/actuator/health", KEYS.key("read"), Map.of()).body());
        assertThat(detailed.path("components").path("db").path("status").asString()).isEqualTo("UP");

        assertThat(send("GET", "/actuator/health/db", null, Map.of()).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/actuator/metrics", null, Map.of()).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/actuator/metrics", KEYS.key("read"), Map.of()).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String method, String path, String token, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Things.class)
    static class Service {
    }

    @RestController
    static class Things {

        @GetMapping("/things")
        Map<String, String> list(Principal caller) {
            return answer(caller);
        }

        @PostMapping("/things")
        Map<String, String> create(Principal caller) {
            return answer(caller);
        }

        @GetMapping("/things/stream")
        StreamingResponseBody stream() {
            return out -> out.write("line 1\nline 2\n".getBytes(StandardCharsets.UTF_8));
        }

        @PostMapping("/things/search")
        Map<String, String> search(Principal caller) {
            return answer(caller);
        }

        @DeleteMapping("/things/{id}")
        Map<String, String> delete(Principal caller) {
            return answer(caller);
        }

        @GetMapping("/admin/things")
        Map<String, String> admin(Principal caller) {
            return answer(caller);
        }

        private static Map<String, String> answer(Principal caller) {
            return Map.of("caller", caller == null ? "anonymous" : caller.getName());
        }
    }
}
