package io.tradingedu.support.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * API keys in a table of the tests' own ({@value #TABLE}, shaped like api-service's {@code access.api_key}) in the
 * local PostgreSQL. Each run makes fresh keys and removes only its own rows.
 */
final class TestKeys {

    static final String TABLE = "security_it.api_key";
    /** The local stack's database, or another one (SECURITY_IT_DATABASE_URL). */
    static final String URL = System.getenv().getOrDefault("SECURITY_IT_DATABASE_URL",
            "jdbc:postgresql://localhost:5432/tradingedu");
    /** The local stack's developer role; the stack generates its password (DATABASE_PASSWORD, docs/database.md). */
    static final String USER = System.getenv().getOrDefault("DATABASE_USER", "tradingedu");
    static final String PASSWORD = System.getenv().getOrDefault("DATABASE_PASSWORD", "tradingedu");

    private final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(URL, USER, PASSWORD));
    private final List<UUID> created = new ArrayList<>();

    TestKeys() {
        jdbc.execute("CREATE SCHEMA IF NOT EXISTS security_it");
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS security_it.api_key (
                    id UUID PRIMARY KEY, name TEXT NOT NULL, prefix TEXT NOT NULL, token_hash BYTEA NOT NULL UNIQUE,
                    scopes TEXT[] NOT NULL, created_at TIMESTAMPTZ NOT NULL, revoked_at TIMESTAMPTZ)""");
    }

    /** A new key with these scopes (e.g. "read", "write"), stored as api-service stores it. */
    String key(String... scopes) {
        String token = ApiKeys.generate();
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO security_it.api_key (id, name, prefix, token_hash, scopes, created_at) "
                        + "VALUES (?, ?, ?, ?, ?::text[], ?)", id, "test " + String.join("+", scopes),
                ApiKeys.displayPrefix(token), ApiKeys.hash(token), "{" + String.join(",", scopes) + "}",
                Timestamp.from(Instant.now()));
        created.add(id);
        return token;
    }

    /** A key that was revoked (with every scope it could have had). */
    String revokedKey() {
        String token = key("read", "write", "admin");
        jdbc.update("UPDATE security_it.api_key SET revoked_at = now() WHERE token_hash = ?", ApiKeys.hash(token));
        return token;
    }

    void removeOwn() {
        created.forEach(id -> jdbc.update("DELETE FROM security_it.api_key WHERE id = ?", id));
    }
}
