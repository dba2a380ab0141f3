package io.tradingedu.api.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradingedu.api.support.Paging;
import io.tradingedu.support.web.Problems;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** API keys for people and programs; every endpoint here needs a credential with the admin scope. */
@RestController
@Tag(name = "Admin", description = "API keys: create (the key is shown once), list, revoke. Needs the admin scope.")
class ApiKeyController {

    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    record CreateApiKey(String name, List<String> scopes) {
    }

    /** A new key: {@code key} is the secret, shown in this answer only. */
    record CreatedApiKey(UUID id, String name, String prefix, List<String> scopes, Instant createdAt,
                         String createdBy, String key) {
    }

    /**
     * A key as listed: no secret, not even its hash. {@code createdBy} names the credential that created it
     * ({@code api-key:<name>}, {@code jwt:<subject>}, {@code SECURITY_BOOTSTRAP_ADMIN_KEY}); null for older keys.
     */
    record ApiKeyView(UUID id, String name, String prefix, List<String> scopes, Instant createdAt, String createdBy,
                      Instant revokedAt) {

        static ApiKeyView of(ApiKeyRepository.StoredApiKey key) {
            return new ApiKeyView(key.id(), key.name(), key.prefix(), key.scopes(), key.createdAt(),
                    key.createdBy(), key.revokedAt());
        }
    }

    @PostMapping("/admin/api_keys")
    @Operation(summary = "Create an API key; the answer is the only place its secret is ever shown",
            description = "name: 1 to 100 printable characters; scopes: one or more of read, write, admin (admin "
                    + "implies write, write implies read). 201 with the key; 400 naming the field, or when "
                    + "1,000 keys are active. Send it as 'Authorization: Bearer <key>'.")
    ResponseEntity<CreatedApiKey> create(@RequestBody CreateApiKey request, Principal caller) {
        ApiKeyService.Created created = keys.create(request.name(), request.scopes(),
                caller == null ? null : caller.getName());
        ApiKeyRepository.StoredApiKey key = created.key();
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/admin/api_keys/{id}").buildAndExpand(key.id()).toUri())
                .body(new CreatedApiKey(key.id(), key.name(), key.prefix(), key.scopes(), key.createdAt(),
                        key.createdBy(), created.token()));
    }

    @GetMapping("/admin/api_keys")
    @Operation(summary = "API keys, newest first, revoked ones included (with revoked_at); no secrets",
            description = "created_by names the credential that created each key (api-key:<name>, jwt:<subject>, "
                    + "SECURITY_BOOTSTRAP_ADMIN_KEY); null for keys created before it was recorded.")
    Paging.Page<ApiKeyView> list(@Parameter(description = "1 to 200") @RequestParam(defaultValue = "50") int limit,
                                 @RequestParam(defaultValue = "0") int skip) {
        Paging.Page<ApiKeyRepository.StoredApiKey> page = keys.list(new Paging(skip, limit));
        return new Paging.Page<>(page.total(), page.skip(), page.limit(),
                page.items().stream().map(ApiKeyView::of).toList());
    }

    @GetMapping("/admin/api_keys/{id}")
    @Operation(summary = "One API key without its secret (404 for an unknown id)")
    ApiKeyView get(@PathVariable UUID id) {
        return ApiKeyView.of(keys.get(id));
    }

    @DeleteMapping("/admin/api_keys/{id}")
    @Operation(summary = "Revoke an API key at once, in every service (204; again: 204; unknown id: 404)",
            description = "The key stays listed with its revoked_at.")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        keys.revoke(id);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler
    ProblemDetail tooMany(TooManyApiKeysException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "too-many-api-keys", "Too many API keys",
                e.getMessage());
        problem.setProperty("limit", e.limit());
        return problem;
    }
}
