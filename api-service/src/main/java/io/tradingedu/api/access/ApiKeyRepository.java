package io.tradingedu.api.access;

import io.tradingedu.support.security.ApiKeys;
import io.tradingedu.support.security.Scope;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code access.api_key}: api-service writes it, every service reads it to check keys. */
@Repository
class ApiKeyRepository {

    private static final String COLUMNS = "id, name, prefix, scopes, created_at, created_by, revoked_at";

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the key's hash and display prefix, and who created it; false when a key with the same hash exists
     * already.
     */
    boolean insert(UUID id, String name, String token, List<Scope> scopes, Instant createdAt, String createdBy) {
        return jdbc.sql("""
                        INSERT INTO access.api_key (id, name, prefix, token_hash, scopes, created_at, created_by)
                        VALUES (:id, :name, :prefix, :hash, CAST(:scopes AS text[]), :created, :createdBy)
                        ON CONFLICT (token_hash) DO NOTHING""")
                .param("id", id).param("name", name).param("prefix", ApiKeys.displayPrefix(token))
                .param("hash", ApiKeys.hash(token)).param("scopes", arrayLiteral(scopes))
                .param("created", Timestamp.from(createdAt)).param("createdBy", createdBy)
                .update() == 1;
    }

    /**
     * Serialises key creation among all api-service instances until the transaction ends, so that counting the
     * active keys and adding one cannot interleave past the cap.
     */
    void lockForCreation() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('access.api_key'))").query((rs, row) -> 0).list();
    }

    long countActive() {
        return jdbc.sql("SELECT count(*) FROM access.api_key WHERE revoked_at IS NULL").query(Long.class).single();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM access.api_key").query(Long.class).single();
    }

    /** Newest first. */
    List<StoredApiKey> page(int skip, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM access.api_key ORDER BY created_at DESC, id LIMIT :limit "
                        + "OFFSET :skip")
                .param("limit", limit).param("skip", skip)
                .query(ApiKeyRepository::row).list();
    }

    Optional<StoredApiKey> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM access.api_key WHERE id = :id").param("id", id)
                .query(ApiKeyRepository::row).optional();
    }

    /** Marks the key revoked (keeping the first revocation time); false when there is no such key. */
    boolean revoke(UUID id, Instant at) {
        return jdbc.sql("UPDATE access.api_key SET revoked_at = coalesce(revoked_at, :at) WHERE id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update() == 1;
    }

    private static StoredApiKey row(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new StoredApiKey(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"),
                labels(rs.getArray("scopes")), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                revoked == null ? null : revoked.toInstant());
    }

    private static List<String> labels(Array array) throws SQLException {
        List<String> labels = new ArrayList<>();
        for (Object label : (Object[]) array.getArray()) {
            labels.add(String.valueOf(label));
        }
        return labels;
    }

    /** {@code {read,write}}: only the fixed scope labels go in, so nothing needs quoting. */
    private static String arrayLiteral(List<Scope> scopes) {
        return "{" + String.join(",", scopes.stream().map(Scope::label).toList()) + "}";
    }

    /** @param createdBy the creating credential's name; null for keys made before it was recorded */
    record StoredApiKey(UUID id, String name, String prefix, List<String> scopes, Instant createdAt,
                        String createdBy, Instant revokedAt) {
    }
}
