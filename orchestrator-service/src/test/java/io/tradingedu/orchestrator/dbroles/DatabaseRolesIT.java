package io.tradingedu.orchestrator.dbroles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One database role per service (deploy/postgres/roles.sql, owners.sql, the services' R__*_grants.sql migrations;
 * docs/database.md), on a cluster of the test's own, told as the life of two databases: {@code legacy} is migrated
 * by one role as every stack was before the per-service roles, then upgraded; {@code fresh} is migrated by each
 * service under its own role from the start. On both, each service reads only the published views and the API keys
 * it needs, and writes nothing of another's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class DatabaseRolesIT {

    /** The local stack's developer role: the integration tests' login, a member of every service role. */
    private static final String DEV = "tradingedu";
    /** Its own cluster, so a password of its own: never the stack's, never a well-known one. */
    private static final String DEV_PASSWORD = "dev-" + UUID.randomUUID();
    private static final String VIEW_READER = "te_view_reader";
    private static final String KEY_READER = "te_key_reader";
    private static final List<String> VIEW_READERS = List.of("te_api", "te_embeddings");
    private static final List<String> KEY_READERS = List.of("te_orchestrator", "te_embeddings", "te_backtesting");

    private final Path repo = repoRoot();
    private final List<ServiceDatabase> services = ServiceDatabase.all(repo);
    private final Map<String, String> passwords = new LinkedHashMap<>();
    private ScratchCluster cluster;

    @BeforeAll
    void startCluster() throws IOException {
        SecureRandom random = new SecureRandom();
        for (ServiceDatabase service : services) {
            byte[] secret = new byte[24];
            random.nextBytes(secret);
            passwords.put(service.role(), HexFormat.of().formatHex(secret));
        }
        cluster = ScratchCluster.start();
        cluster.superuser("postgres", "CREATE ROLE " + DEV + " LOGIN PASSWORD '" + DEV_PASSWORD + "'");
        for (String database : List.of("legacy", "fresh")) {
            cluster.superuser("postgres", "CREATE DATABASE " + database + " OWNER " + DEV);
            cluster.superuserScript(database, repo.resolve("deploy/postgres/init.sql"), Map.of()).requireSuccess();
        }
    }

    @AfterAll
    void stopCluster() throws IOException {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void singleRoleDeploymentMigratesWithoutTheGroupRoles() throws SQLException {
        for (ServiceDatabase service : services) {
            service.migrate(repo, cluster.url("legacy"), DEV, DEV_PASSWORD);
        }

        assertThat(queryStrings("legacy", "SELECT to_regrole('te_view_reader')::text")).containsOnlyNulls();
        assertThat(owners("legacy")).allSatisfy((object, owner) -> assertThat(owner).as(object).isEqualTo(DEV));
        assertThat(queryStrings("legacy", """
                SELECT script || ' ' || success FROM media.flyway_schema_history WHERE script LIKE 'R\\_\\_%grants.sql'
                UNION ALL
                SELECT script || ' ' || success FROM pipeline.flyway_schema_history WHERE script LIKE 'R\\_\\_%grants.sql'
                """)).containsExactlyInAnyOrder("R__api_grants.sql true", "R__orchestrator_grants.sql true");
    }

    @Test
    @Order(2)
    void rolesScriptRefusesToRunWithoutEveryPassword() throws SQLException {
        Map<String, String> env = rolesEnvironment();
        env.remove("TE_EMBEDDINGS_DB_PASSWORD");

        ScratchCluster.Result result = cluster.superuserScript("fresh", rolesSql(), env);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("the password of te_embeddings is missing");
        assertThat(queryStrings("fresh", "SELECT to_regrole('te_api')::text")).containsOnlyNulls();
    }

    @Test
    @Order(3)
    void rolesScriptCreatesLoginRolesThatAuthenticateOnlyWithTheirOwnPassword() throws SQLException {
        for (String database : List.of("legacy", "fresh", "fresh")) {  // twice: it is run at every start
            cluster.superuserScript(database, rolesSql(), rolesEnvironment(), "dev_role=" + DEV).requireSuccess();
        }
        cluster.superuser("postgres", "CREATE ROLE outsider LOGIN PASSWORD 'outsider-password'");

        for (Map.Entry<String, String> role : passwords.entrySet()) {
            try (Connection connection = cluster.connect("fresh", role.getKey(), role.getValue())) {
                assertThat(queryStrings(connection, "SELECT current_user::text")).containsExactly(role.getKey());
            }
            assertThatThrownBy(() -> cluster.connect("fresh", role.getKey(), passwords.get("te_api") + "x").close())
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
        }
        for (String group : List.of(VIEW_READER, KEY_READER)) {
            assertThatThrownBy(() -> cluster.connect("fresh", group, "any-password").close())
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).startsWith("28"));
        }
        // CONNECT is no longer everyone's
        assertThatThrownBy(() -> cluster.connect("fresh", "outsider", "outsider-password").close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage())
                        .contains("permission denied for database"));
    }

    @Test
    @Order(4)
    void upgradeGivesAnOldDatabaseToTheServicesRolesWhichThenMigrateIt() throws SQLException {
        String first = cluster.superuserScript("legacy", ownersSql(), Map.of()).requireSuccess();
        String second = cluster.superuserScript("legacy", ownersSql(), Map.of()).requireSuccess();

        assertThat(first).contains("given to te_api", "given to te_orchestrator", "given to te_embeddings",
                "given to te_backtesting");
        assertThat(second).doesNotContain("given to");
        for (ServiceDatabase service : services) {
            service.migrate(repo, cluster.url("legacy"), service.role(), passwords.get(service.role()));
        }
        ensureApiKeyTable("legacy");
        assertOwnedByTheirServices("legacy");
    }

    @Test
    @Order(5)
    void eachServiceMigratesAFreshDatabaseUnderItsOwnRole() throws SQLException {
        // roles.sql made every service's schemas, empty and owned by its role, so that no service can create another's
        // first; Flyway then migrates into them
        List<String> expected = new ArrayList<>();
        for (ServiceDatabase service : services) {
            service.schemas().forEach(schema -> expected.add(schema + " " + service.role()));
        }
        assertThat(queryStrings("fresh", """
                SELECT nspname || ' ' || nspowner::regrole FROM pg_namespace
                WHERE nspname NOT LIKE 'pg\\_%' AND nspname NOT IN ('information_schema', 'public')
                """)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(queryStrings("fresh", """
                SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname NOT IN ('information_schema', 'public')
                """)).isEmpty();

        for (ServiceDatabase service : services) {
            service.migrate(repo, cluster.url("fresh"), service.role(), passwords.get(service.role()));
        }
        ensureApiKeyTable("fresh");

        assertOwnedByTheirServices("fresh");
    }

    @ParameterizedTest
    @ValueSource(strings = {"legacy", "fresh"})
    @Order(6)
    void everyPublishedViewIsGrantedAndReadableByTheServicesThatReadViews(String database) throws SQLException {
        List<String> views = queryStrings(database, """
                SELECT schemaname || '.' || viewname FROM pg_views
                WHERE schemaname = ANY (?) AND viewname ~ '_v[0-9]+$' ORDER BY 1""", (Object) ownedSchemas());

        assertThat(views).contains("media.media_items_v1", "pipeline.run_progress_v1", "analysis.clips_v1",
                "strategies.proven_strategies_v1");
        for (String reader : VIEW_READERS) {
            try (Connection connection = cluster.connect(database, reader, passwords.get(reader))) {
                for (String view : views) {
                    try (Statement statement = connection.createStatement()) {
                        statement.executeQuery("SELECT * FROM " + view + " LIMIT 1").close();
                    } catch (SQLException e) {
                        fail(reader + " cannot read the published view " + view
                                + " (its owner's R__<service>_grants.sql grants *_v<N> views): " + e.getMessage());
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"legacy", "fresh"})
    @Order(7)
    void noServiceRoleHoldsAnyOtherRightOnAnotherServicesObjects(String database) throws SQLException {
        Object roles = passwords.keySet().toArray(String[]::new);
        List<String> granted = new ArrayList<>(queryStrings(database, """
                SELECT r.role || ' ' || p.privilege || ' ' || n.nspname || '.' || c.relname
                FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                CROSS JOIN unnest(?::text[]) AS r (role)
                CROSS JOIN unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'])
                     AS p (privilege)
                WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                  AND NOT pg_has_role(r.role, c.relowner, 'MEMBER')
                  AND has_table_privilege(r.role, c.oid, p.privilege)
                UNION ALL
                SELECT r.role || ' ' || p.privilege || ' ' || n.nspname || '.' || c.relname
                FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                CROSS JOIN unnest(?::text[]) AS r (role)
                CROSS JOIN unnest(ARRAY['USAGE', 'SELECT', 'UPDATE']) AS p (privilege)
                WHERE n.nspname = ANY (?) AND c.relkind = 'S'
                  AND NOT pg_has_role(r.role, c.relowner, 'MEMBER')
                  AND has_sequence_privilege(r.role, c.oid, p.privilege)
                UNION ALL
                SELECT r.role || ' ' || p.privilege || ' schema ' || n.nspname
                FROM pg_namespace n
                CROSS JOIN unnest(?::text[]) AS r (role)
                CROSS JOIN unnest(ARRAY['CREATE', 'USAGE']) AS p (privilege)
                WHERE n.nspname = ANY (?)
                  AND NOT pg_has_role(r.role, n.nspowner, 'MEMBER')
                  AND has_schema_privilege(r.role, n.oid, p.privilege)
                """, roles, ownedSchemas(), roles, ownedSchemas(), roles, ownedSchemas()));

        granted.removeIf(grant -> isIntended(grant.split(" ")));
        assertThat(granted).as("rights a service holds on another service's objects").isEmpty();
    }

    /** Reading the published views and, for authentication, the API keys: nothing else crosses a service's schemas. */
    private static boolean isIntended(String[] grant) {
        String role = grant[0];
        String privilege = grant[1];
        String object = grant[grant.length - 1];
        if (VIEW_READERS.contains(role)) {
            if (privilege.equals("SELECT") && object.matches(".+_v[0-9]+")) {
                return true;
            }
            if (privilege.equals("USAGE") && grant[2].equals("schema")
                    && List.of("media", "pipeline", "analysis", "strategies").contains(object)) {
                return true;
            }
        }
        if (KEY_READERS.contains(role)) {
            return privilege.equals("SELECT") && object.equals("access.api_key")
                    || privilege.equals("USAGE") && grant[2].equals("schema") && object.equals("access");
        }
        return false;
    }

    @Test
    @Order(8)
    void apiServiceReadsViewsButNeitherWritesAnalysisNorReadsItsTablesNorBacktesting() throws SQLException {
        assertAllowed("te_api", "SELECT count(*) FROM analysis.clips_v1");
        assertDenied("te_api", """
                INSERT INTO analysis.clip (id, media_id, seq, start_seconds, end_seconds, duration_seconds, file_path,
                    size_bytes, cut_mode, score, keywords, categories, created_at)
                VALUES (gen_random_uuid(), gen_random_uuid(), 0, 0, 1, 1, 'x.mp4', 1, 'copy', 1, '{}', '{}', now())""");
        assertDenied("te_api", "UPDATE analysis.clips_v1 SET score = 0");
        assertDenied("te_api", "DELETE FROM strategies.strategies_v1");
        assertDenied("te_api", "SELECT count(*) FROM analysis.keyword_hit");
        assertDenied("te_api", "SELECT count(*) FROM backtesting.backtest");
        assertDenied("te_api", "SELECT count(*) FROM embeddings.passage");
        assertDenied("te_api", "CREATE TABLE analysis.planted (id int)");
    }

    @Test
    @Order(9)
    void keyReadersReadApiKeysButCannotChangeThem() throws SQLException {
        for (String reader : KEY_READERS) {
            assertAllowed(reader, "SELECT * FROM access.api_key");
            assertDenied(reader, "UPDATE access.api_key SET id = id");
            assertDenied(reader, "DELETE FROM access.api_key");
            assertDenied(reader, "INSERT INTO access.api_key SELECT * FROM access.api_key");
        }
        assertAllowed("te_api", "UPDATE access.api_key SET id = id");
    }

    @Test
    @Order(10)
    void servicesThatReadNoViewsCannotReadThemNorEachOthersTables() throws SQLException {
        assertDenied("te_orchestrator", "SELECT count(*) FROM media.media_items_v1");
        assertDenied("te_orchestrator", "SELECT count(*) FROM embeddings.passage");
        assertDenied("te_backtesting", "SELECT count(*) FROM analysis.clips_v1");
        assertDenied("te_backtesting", "SELECT count(*) FROM media.media_item");
        assertDenied("te_embeddings", "SELECT count(*) FROM media.media_item");
        assertDenied("te_embeddings", "SELECT count(*) FROM backtesting.bar");
        assertDenied("te_embeddings", "TRUNCATE analysis.transcript CASCADE");
    }

    @Test
    @Order(11)
    void developerRoleWritesEverySchemaAndWhatItCreatesIsGivenBackToTheService() throws SQLException {
        assertAllowed(DEV, """
                INSERT INTO analysis.clip (id, media_id, seq, start_seconds, end_seconds, duration_seconds, file_path,
                    size_bytes, cut_mode, score, keywords, categories, created_at)
                VALUES (gen_random_uuid(), gen_random_uuid(), 0, 0, 1, 1, 'x.mp4', 1, 'copy', 1, '{}', '{}', now())""");
        try (Connection dev = cluster.connect("fresh", DEV, DEV_PASSWORD); Statement statement = dev.createStatement()) {
            statement.execute("CREATE TABLE analysis.made_by_a_test (id bigserial PRIMARY KEY)");
        }
        assertThat(owners("fresh")).containsEntry("analysis.made_by_a_test", DEV);

        cluster.superuserScript("fresh", ownersSql(), Map.of()).requireSuccess();

        assertThat(owners("fresh")).containsEntry("analysis.made_by_a_test", "te_orchestrator")
                .containsEntry("analysis.made_by_a_test_id_seq", "te_orchestrator");
        assertAllowed("te_orchestrator", "ALTER TABLE analysis.made_by_a_test ADD COLUMN note text");
        try (Connection owner = connect("te_orchestrator"); Statement statement = owner.createStatement()) {
            statement.execute("DROP TABLE analysis.made_by_a_test");
        }
    }

    @Test
    @Order(12)
    void aViewPublishedByALaterMigrationIsGrantedByTheNextMigrationRun() throws SQLException {
        try (Connection owner = connect("te_orchestrator"); Statement statement = owner.createStatement()) {
            statement.execute("CREATE VIEW analysis.later_v1 AS SELECT media_id FROM analysis.transcript");
        }
        assertDenied("te_embeddings", "SELECT count(*) FROM analysis.later_v1");

        service("te_orchestrator").migrate(repo, cluster.url("fresh"), "te_orchestrator",
                passwords.get("te_orchestrator"));

        assertAllowed("te_embeddings", "SELECT count(*) FROM analysis.later_v1");
        assertDenied("te_backtesting", "SELECT count(*) FROM analysis.later_v1");
        try (Connection owner = connect("te_orchestrator"); Statement statement = owner.createStatement()) {
            statement.execute("DROP VIEW analysis.later_v1");
        }
    }

    private ServiceDatabase service(String role) {
        return services.stream().filter(service -> service.role().equals(role)).findFirst().orElseThrow();
    }

    private void assertOwnedByTheirServices(String database) throws SQLException {
        Map<String, String> owners = owners(database);
        assertThat(owners).isNotEmpty();
        for (ServiceDatabase service : services) {
            for (String schema : service.schemas()) {
                assertThat(owners).as("owner of schema " + schema).containsEntry(schema, service.role());
            }
        }
        Map<String, String> roleOfSchema = new LinkedHashMap<>();
        services.forEach(service -> service.schemas().forEach(schema -> roleOfSchema.put(schema, service.role())));
        roleOfSchema.putIfAbsent("access", "te_api");
        owners.forEach((object, owner) -> assertThat(owner).as("owner of " + object)
                .isEqualTo(roleOfSchema.get(object.contains(".") ? object.substring(0, object.indexOf('.')) : object)));
    }

    /** Every owned schema and every relation in them (tables, indexes, sequences, views), with its owner. */
    private Map<String, String> owners(String database) throws SQLException {
        Map<String, String> owners = new LinkedHashMap<>();
        for (String row : queryStrings(database, """
                SELECT nspname || ' ' || pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = ANY (?)
                UNION ALL
                SELECT n.nspname || '.' || c.relname || ' ' || pg_get_userbyid(c.relowner)
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p', 'i', 'S', 'v', 'm')""",
                ownedSchemas(), ownedSchemas())) {
            owners.put(row.substring(0, row.indexOf(' ')), row.substring(row.indexOf(' ') + 1));
        }
        return owners;
    }

    private String[] ownedSchemas() {
        List<String> schemas = new ArrayList<>();
        services.forEach(service -> schemas.addAll(service.schemas()));
        if (!schemas.contains("access")) {
            schemas.add("access");
        }
        return schemas.toArray(String[]::new);
    }

    /** The statement runs for {@code role} (in a transaction that is rolled back). */
    private void assertAllowed(String role, String sql) throws SQLException {
        try (Connection connection = connect(role)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } finally {
                connection.rollback();
            }
        }
    }

    /** The statement is refused to {@code role} for want of a privilege (SQLSTATE 42501), not for anything else. */
    private void assertDenied(String role, String sql) throws SQLException {
        try (Connection connection = connect(role)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
                fail(role + " may run: " + sql);
            } catch (SQLException e) {
                assertThat(e.getSQLState()).as(role + ": " + sql + " -> " + e.getMessage()).isEqualTo("42501");
            } finally {
                connection.rollback();
            }
        }
    }

    private Connection connect(String role) throws SQLException {
        return cluster.connect("fresh", role, role.equals(DEV) ? DEV_PASSWORD : passwords.get(role));
    }

    /**
     * api-service's access.api_key as its own migration creates it, where this tree does not have that migration yet;
     * api-service's next migration run then grants it (R__api_grants.sql runs on every migration).
     */
    private void ensureApiKeyTable(String database) throws SQLException {
        if (!queryStrings(database, "SELECT to_regclass('access.api_key')::text").contains(null)) {
            return;
        }
        try (Connection api = cluster.connect(database, "te_api", passwords.get("te_api"));
                Statement statement = api.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS access");
            statement.execute("""
                    CREATE TABLE access.api_key (
                        id uuid PRIMARY KEY, name text NOT NULL, prefix text NOT NULL,
                        token_hash bytea NOT NULL UNIQUE, scopes text[] NOT NULL,
                        created_at timestamptz NOT NULL, revoked_at timestamptz)""");
        }
        service("te_api").migrate(repo, cluster.url(database), "te_api", passwords.get("te_api"));
    }

    private static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/postgres/roles.sql"))) {
                return dir;
            }
        }
        throw new IllegalStateException("deploy/postgres/roles.sql not found above " + Path.of("").toAbsolutePath());
    }

    private List<String> queryStrings(String database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = cluster.connect(database, DEV, DEV_PASSWORD)) {
            return queryStrings(connection, sql, parameters);
        }
    }

    private static List<String> queryStrings(Connection connection, String sql, Object... parameters)
            throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                if (parameter instanceof String[] array) {
                    statement.setArray(i + 1, connection.createArrayOf("text", array));
                } else {
                    statement.setObject(i + 1, parameter);
                }
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    private Map<String, String> rolesEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        passwords.forEach((role, password) ->
                env.put("TE_" + role.substring(3).toUpperCase() + "_DB_PASSWORD", password));
        return env;
    }

    private Path rolesSql() {
        return requireFile(repo.resolve("deploy/postgres/roles.sql"));
    }

    private Path ownersSql() {
        return requireFile(repo.resolve("deploy/postgres/owners.sql"));
    }

    private static Path requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing " + file);
        }
        return file;
    }
}
