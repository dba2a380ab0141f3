package io.tradingedu.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingedu.support.security.ApiKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin endpoints for API keys against the local PostgreSQL, called with a bootstrap admin key of this run: a
 * key works the moment it is created, is listed without its secret and is refused the moment it is revoked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.structured.format.console=")
class ApiKeyAdminIT {

    static final String BOOTSTRAP = ApiKeys.generate();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<byte[]> OWN_HASHES = new ArrayList<>(List.of(ApiKeys.hash(BOOTSTRAP)));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path base = Files.createTempDirectory("api-keys-it");
        registry.add("media.root", () -> base.resolve("media").toString());
        registry.add("media.ingest-root", () -> base.resolve("ingest").toString());
        registry.add("api-keys.bootstrap-admin-key", () -> BOOTSTRAP);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApiKeyRepository repository;
    @Autowired
    BootstrapAdminKey bootstrap;

    @AfterAll
    static void removeOwnKeys(@Autowired JdbcTemplate jdbc) {
        OWN_HASHES.forEach(hash -> jdbc.update("DELETE FROM access.api_key WHERE token_hash = ?", (Object) hash));
    }

    @BeforeEach
    void bootstrapKeyIsStored() {
        assertThat(rowsWithHash(BOOTSTRAP)).isEqualTo(1);
    }

    @Test
    void aCreatedKeyWorksAtOnceIsListedWithoutSecretAndIsRefusedOnceRevoked() throws Exception {
        ResponseEntity<String> created = call(BOOTSTRAP).post().uri("/admin/api_keys")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "dashboard reader", "scopes", List.of("write", "read"))).retrieve()
                .toEntity(String.class);

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode key = JSON.readTree(created.getBody());
        String secret = key.path("key").asString();
        OWN_HASHES.add(ApiKeys.hash(secret));
        assertThat(ApiKeys.isWellFormed(secret)).isTrue();
        assertThat(key.path("name").asString()).isEqualTo("dashboard reader");
        assertThat(key.path("prefix").asString()).isEqualTo(secret.substring(0, 8));
        assertThat(key.path("scopes").toString()).isEqualTo("[\"read\",\"write\"]");
        assertThat(key.path("created_at").asString()).isNotBlank();
        assertThat(key.path("created_by").asString()).isEqualTo("api-key:bootstrap-admin");
        String id = key.path("id").asString();
        assertThat(created.getHeaders().getLocation()).hasToString("http://localhost:" + port + "/admin/api_keys/" + id);
        // only the hash is stored
        assertThat(jdbc.queryForObject("SELECT count(*) FROM access.api_key WHERE id = ?::uuid AND token_hash = ?",
                Long.class, id, ApiKeys.hash(secret))).isEqualTo(1);

        assertThat(call(secret).get().uri("/media_items?limit=1").retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> notAdmin = call(secret).get().uri("/admin/api_keys").retrieve().toEntity(String.class);
        assertThat(notAdmin.getStatusCode().value()).isEqualTo(403);
        assertThat(JSON.readTree(notAdmin.getBody()).path("detail").asString())
                .isEqualTo("this needs the admin scope; the credential has read, write");

        ResponseEntity<String> listed = call(BOOTSTRAP).get().uri("/admin/api_keys?limit=200").retrieve()
                .toEntity(String.class);
        assertThat(listed.getStatusCode().value()).isEqualTo(200);
        assertThat(listed.getBody()).doesNotContain(secret).doesNotContain(BOOTSTRAP).doesNotContain("hash");
        JsonNode page = JSON.readTree(listed.getBody());
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode item = find(page, id);
        assertThat(item.path("name").asString()).isEqualTo("dashboard reader");
        // who made it: the credential that called, here the bootstrap admin key
        assertThat(item.path("created_by").asString()).isEqualTo("api-key:bootstrap-admin");
        assertThat(item.has("key")).isFalse();
        assertThat(item.path("revoked_at").isNull()).isTrue();

        assertThat(call(BOOTSTRAP).delete().uri("/admin/api_keys/{id}", id).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(204);

        ResponseEntity<String> revoked = call(secret).get().uri("/media_items?limit=1").retrieve()
                .toEntity(String.class);
        assertThat(revoked.getStatusCode().value()).isEqualTo(401);
        assertThat(JSON.readTree(revoked.getBody()).path("detail").asString())
                .isEqualTo("the credential is unknown or revoked");
        JsonNode revokedItem = JSON.readTree(call(BOOTSTRAP).get().uri("/admin/api_keys/{id}", id).retrieve()
                .body(String.class));
        assertThat(revokedItem.path("revoked_at").asString()).isNotBlank();
        assertThat(call(BOOTSTRAP).delete().uri("/admin/api_keys/{id}", id).retrieve().toBodilessEntity()
                .getStatusCode().value()).as("revoking again").isEqualTo(204);
        assertThat(call(BOOTSTRAP).delete().uri("/admin/api_keys/{id}", UUID.randomUUID()).retrieve()
                .toEntity(String.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void adminEndpointsNeedAnAdminCredential() {
        assertThat(call(null).get().uri("/admin/api_keys").retrieve().toEntity(String.class).getStatusCode().value())
                .isEqualTo(401);
        String reader = create("reader", "read");
        assertThat(call(reader).post().uri("/admin/api_keys").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "escalate", "scopes", List.of("admin"))).retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void namesAndScopesOutsideTheirBoundsAreRefusedNamingTheField() throws Exception {
        Map<String, Object> tooLong = Map.of("name", "n".repeat(101), "scopes", List.of("read"));
        Map<String, Object> control = Map.of("name", "line\nbreak", "scopes", List.of("read"));
        Map<String, Object> blank = Map.of("name", "   ", "scopes", List.of("read"));
        Map<String, Object> noScopes = Map.of("name", "none", "scopes", List.of());
        Map<String, Object> unknownScope = Map.of("name", "root", "scopes", List.of("read", "root"));
        for (var bad : List.of(Map.entry(tooLong, "name"), Map.entry(control, "name"), Map.entry(blank, "name"),
                Map.entry(noScopes, "scopes"), Map.entry(unknownScope, "scopes"))) {
            ResponseEntity<String> answer = call(BOOTSTRAP).post().uri("/admin/api_keys")
                    .contentType(MediaType.APPLICATION_JSON).body(bad.getKey()).retrieve().toEntity(String.class);
            assertThat(answer.getStatusCode().value()).as(bad.getKey().toString()).isEqualTo(400);
            assertThat(JSON.readTree(answer.getBody()).path("field").asString()).isEqualTo(bad.getValue());
        }
        ResponseEntity<String> longest = call(BOOTSTRAP).post().uri("/admin/api_keys")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "é".repeat(100), "scopes",
                        List.of("read"))).retrieve().toEntity(String.class);
        assertThat(longest.getStatusCode().value()).isEqualTo(201);
        OWN_HASHES.add(ApiKeys.hash(JSON.readTree(longest.getBody()).path("key").asString()));
    }

    @Test
    void keysPastTheActiveCapAreRefusedNamingTheLimit() {
        long active = repository.countActive();
        ApiKeyService capped = new ApiKeyService(repository, new ApiKeyProperties("", (int) active + 1),
                Clock.systemUTC());

        ApiKeyService.Created first = capped.create("cap probe", List.of("read"), "test");
        OWN_HASHES.add(ApiKeys.hash(first.token()));

        assertThatThrownBy(() -> capped.create("one too many", List.of("read"), "test"))
                .isInstanceOf(TooManyApiKeysException.class)
                .hasMessage("at most " + (active + 1) + " API keys may be active at once; revoke one first "
                        + "(DELETE /admin/api_keys/{id})");
    }

    @Test
    void theBootstrapKeyIsStoredOnceHoweverOftenAndByHowManyInstancesItIsOffered() throws Exception {
        bootstrap.run(null);
        bootstrap.run(null);
        assertThat(rowsWithHash(BOOTSTRAP)).isEqualTo(1);

        String shared = ApiKeys.generate();
        OWN_HASHES.add(ApiKeys.hash(shared));
        int instances = 4;
        CyclicBarrier start = new CyclicBarrier(instances);
        try (ExecutorService pool = Executors.newFixedThreadPool(instances)) {
            List<CompletableFuture<Void>> starts = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                BootstrapAdminKey instance = new BootstrapAdminKey(repository, new ApiKeyProperties(shared, null),
                        Clock.systemUTC());
                starts.add(CompletableFuture.runAsync(() -> {
                    await(start);
                    instance.run(null);
                }, pool));
            }
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        }
        assertThat(rowsWithHash(shared)).isEqualTo(1);
        Map<String, Object> row = jdbc.queryForMap("SELECT name, scopes::text AS scopes, created_by FROM "
                + "access.api_key WHERE token_hash = ?", (Object) ApiKeys.hash(shared));
        assertThat(row).containsEntry("name", "bootstrap-admin").containsEntry("scopes", "{admin}")
                .containsEntry("created_by", "SECURITY_BOOTSTRAP_ADMIN_KEY");
    }

    @Test
    void aBootstrapKeyThatIsNoApiKeyStopsTheStartWithoutBeingRepeated() {
        assertThatThrownBy(() -> new ApiKeyProperties("my-secret-password", null))
                .hasMessageContaining("SECURITY_BOOTSTRAP_ADMIN_KEY").hasMessageContaining("'te_' followed by 43")
                .message().doesNotContain("my-secret-password");
    }

    private String create(String name, String... scopes) {
        JsonNode created = JSON.readTree(call(BOOTSTRAP).post().uri("/admin/api_keys")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", name, "scopes", List.of(scopes)))
                .retrieve().body(String.class));
        String secret = created.path("key").asString();
        OWN_HASHES.add(ApiKeys.hash(secret));
        return secret;
    }

    private long rowsWithHash(String token) {
        return jdbc.queryForObject("SELECT count(*) FROM access.api_key WHERE token_hash = ?", Long.class,
                (Object) ApiKeys.hash(token));
    }

    private static JsonNode find(JsonNode page, String id) {
        for (JsonNode item : page.path("items")) {
            if (item.path("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("key " + id + " is not listed");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private RestClient call(String token) {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { });
        if (token != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return builder.build();
    }
}
