package io.tradingedu.orchestrator.dbroles;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.yaml.snakeyaml.Yaml;

/**
 * One service's database settings as its own {@code application.yml} declares them (Flyway's schemas and default
 * schema, the query of its datasource URL), so that the test migrates each service exactly as the service migrates
 * itself: its migrations from its module's sources and the shared messaging ones of service-support.
 *
 * @param module        the service's module, e.g. {@code api-service}
 * @param role          the database role the service runs as (deploy/postgres/roles.sql)
 * @param schemas       the schemas its Flyway creates and owns
 * @param defaultSchema where its Flyway history and the shared messaging tables live
 * @param urlQuery      what the service appends to {@code DATABASE_URL}, e.g. {@code ?currentSchema=pipeline}
 */
record ServiceDatabase(String module, String role, List<String> schemas, String defaultSchema, String urlQuery) {

    static final List<String> MODULES = List.of("api-service", "orchestrator-service", "embeddings-service",
            "backtesting-service");

    static List<ServiceDatabase> all(Path repo) {
        return MODULES.stream().map(module -> read(repo, module)).toList();
    }

    @SuppressWarnings("unchecked")
    static ServiceDatabase read(Path repo, String module) {
        Path yml = repo.resolve(module).resolve("src/main/resources/application.yml");
        Map<String, Object> spring;
        try (Reader reader = Files.newBufferedReader(yml)) {
            spring = (Map<String, Object>) new Yaml().<Map<String, Object>>load(reader).get("spring");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + yml, e);
        }
        Map<String, Object> flyway = (Map<String, Object>) spring.get("flyway");
        String url = (String) ((Map<String, Object>) spring.get("datasource")).get("url");
        // ${DATABASE_URL:jdbc:postgresql://…}?currentSchema=…: the service's own part follows the placeholder
        String query = url.substring(url.lastIndexOf('}') + 1);
        List<String> schemas = List.of(((String) flyway.get("schemas")).split("\\s*,\\s*"));
        return new ServiceDatabase(module, "te_" + module.substring(0, module.indexOf('-')), schemas,
                (String) flyway.get("default-schema"), query);
    }

    /** Migrates this service's schemas in the database at {@code databaseUrl} as {@code user}. */
    void migrate(Path repo, String databaseUrl, String user, String password) {
        Flyway.configure()
                .dataSource(databaseUrl + urlQuery, user, password)
                .schemas(schemas.toArray(String[]::new))
                .defaultSchema(defaultSchema)
                .locations("filesystem:" + repo.resolve(module).resolve("src/main/resources/db/migration"),
                        "classpath:db/support")
                .load()
                .migrate();
    }
}
