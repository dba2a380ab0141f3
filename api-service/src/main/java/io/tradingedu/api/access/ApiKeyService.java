package io.tradingedu.api.access;

import io.tradingedu.api.support.BadParameterException;
import io.tradingedu.api.support.NotFoundException;
import io.tradingedu.api.support.Paging;
import io.tradingedu.support.security.ApiKeys;
import io.tradingedu.support.security.Scope;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, lists and revokes API keys; a new key's secret exists only in the answer to its creation. */
@Service
class ApiKeyService {

    static final int MAX_NAME_LENGTH = 100;
    /** As the column's check (V4__api_key_created_by.sql). */
    static final int MAX_CREATED_BY_LENGTH = 300;
    private static final Logger log = LoggerFactory.getLogger(ApiKeyService.class);

    private final ApiKeyRepository keys;
    private final ApiKeyProperties properties;
    private final Clock clock;

    ApiKeyService(ApiKeyRepository keys, ApiKeyProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    /** The stored key and, once, its secret. */
    record Created(ApiKeyRepository.StoredApiKey key, String token) {
    }

    /** @param createdBy the name of the credential asking (e.g. {@code api-key:ops}, {@code jwt:alice}) */
    @Transactional
    Created create(String name, List<String> scopes, String createdBy) {
        String checkedName = checkName(name);
        List<Scope> checkedScopes = checkScopes(scopes);
        keys.lockForCreation();
        long active = keys.countActive();
        if (active >= properties.maxActive()) {
            throw new TooManyApiKeysException(properties.maxActive());
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String token = ApiKeys.generate();
        String creator = createdBy(createdBy);
        if (!keys.insert(id, checkedName, token, checkedScopes, now, creator)) {
            // 256 random bits do not collide; if they ever did, the caller asks again
            throw new IllegalStateException("a generated API key collided with a stored one");
        }
        log.info("API key {} '{}' created with scopes {} by {}", ApiKeys.displayPrefix(token), checkedName,
                checkedScopes.stream().map(Scope::label).toList(), creator);
        return new Created(new ApiKeyRepository.StoredApiKey(id, checkedName, ApiKeys.displayPrefix(token),
                checkedScopes.stream().map(Scope::label).toList(), now, creator, null), token);
    }

    /** Anonymous only when security is off; a name past the column's bound (a long JWT subject) is cut. */
    private static String createdBy(String caller) {
        String name = caller == null || caller.isBlank() ? "anonymous (security off)" : caller.strip();
        return name.codePointCount(0, name.length()) <= MAX_CREATED_BY_LENGTH ? name
                : name.substring(0, name.offsetByCodePoints(0, MAX_CREATED_BY_LENGTH - 1)) + "…";
    }

    Paging.Page<ApiKeyRepository.StoredApiKey> list(Paging paging) {
        return Paging.Page.of(keys.count(), paging, keys.page(paging.skip(), paging.limit()));
    }

    ApiKeyRepository.StoredApiKey get(UUID id) {
        return keys.find(id).orElseThrow(() -> notFound(id));
    }

    void revoke(UUID id) {
        if (!keys.revoke(id, clock.instant())) {
            throw notFound(id);
        }
        log.info("API key {} revoked", id);
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("api-key", "no API key has id " + id);
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new BadParameterException("name", "is required: 1 to " + MAX_NAME_LENGTH + " printable characters");
        }
        String stripped = name.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length > MAX_NAME_LENGTH) {
            throw new BadParameterException("name", "must be at most " + MAX_NAME_LENGTH + " characters; got "
                    + length);
        }
        if (!stripped.codePoints().allMatch(ApiKeyService::printable)) {
            throw new BadParameterException("name", "must hold printable characters only (no control, format or "
                    + "line-breaking characters)");
        }
        return stripped;
    }

    private static boolean printable(int codePoint) {
        int type = Character.getType(codePoint);
        return !Character.isISOControl(codePoint) && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.UNASSIGNED && type != Character.PRIVATE_USE
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
    }

    private static List<Scope> checkScopes(List<String> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            throw new BadParameterException("scopes", "must name at least one of read, write, admin");
        }
        Set<Scope> checked = EnumSet.noneOf(Scope.class);
        for (String label : scopes) {
            checked.add(Scope.of(label).orElseThrow(() -> new BadParameterException("scopes",
                    "must be read, write or admin; got '" + excerpt(label) + "'")));
        }
        return List.copyOf(checked);
    }

    private static String excerpt(String value) {
        String text = String.valueOf(value);
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }
}
