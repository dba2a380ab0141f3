package io.tradingedu.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the system tests find what the local stack installed and where they keep their own state.
 *
 * <p>Everything the tests start (a PostgreSQL cluster, a Kafka broker, the services) is private to them: its data and
 * logs live under {@link #work()} ({@code system-tests/target/system}), on ports of its own, so the shared stack
 * (PostgreSQL :5432, Kafka :9092) and the other modules' integration tests are never touched.
 *
 * @param repo      the repository root (the services' jars are under {@code <module>/target})
 * @param stackHome the local stack's home ({@code STACK_HOME}, default {@code <repo>/.stack}): Kafka's jars, the
 *                  embedding model caches, the fetched market data
 * @param pgBin     PostgreSQL 15's binaries (initdb, pg_ctl, psql) with pgvector installed
 * @param work      the tests' own state: data directories, logs, generated lessons
 */
record SystemPaths(Path repo, Path stackHome, Path pgBin, Path work) {

    static SystemPaths fromEnvironment() {
        Path repo = Path.of(System.getProperty("systemtests.repo", "..")).toAbsolutePath().normalize();
        String stackHomeEnv = System.getenv("STACK_HOME");
        Path stackHome = stackHomeEnv != null && !stackHomeEnv.isBlank() ? Path.of(stackHomeEnv)
                : Path.of(System.getProperty("systemtests.stack-home", repo.resolve(".stack").toString()));
        Path pgBin = Path.of("/usr/lib/postgresql/" + env("PG_VERSION", "15") + "/bin");
        Path work = Path.of(System.getProperty("systemtests.work", "target/system"));
        return new SystemPaths(repo, stackHome.toAbsolutePath().normalize(), pgBin, work.toAbsolutePath().normalize());
    }

    /**
     * The same installation with a work directory of its own beside {@link #work()} (e.g. {@code target/pipeline-faults}
     * next to {@code target/system}), for a suite that runs at the same time as the others: its cluster, broker, logs
     * and lessons never meet theirs. The name must not start with the default work directory's name, so that the
     * leftover check ({@link Commands#killLeftover}) of one never matches the other's processes.
     */
    SystemPaths inLane(String lane) {
        return new SystemPaths(repo, stackHome, pgBin, work.resolveSibling(lane));
    }

    Path kafkaLibs() {
        return stackHome.resolve("kafka/libs");
    }

    Path marketData() {
        return stackHome.resolve("data/market");
    }

    Path logs() {
        return work.resolve("logs");
    }

    /** The test JVM's own java: the services and the broker run on the JDK the build uses. */
    Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The packaged (executable) jar of a service module, built by the reactor before this module. */
    Path serviceJar(String module) {
        Path target = repo.resolve(module).resolve("target");
        try (var files = Files.list(target)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(module + "-") && name.endsWith(".jar") && !name.endsWith("-plain.jar")
                        && !name.endsWith("-sources.jar") && !name.endsWith("-tests.jar");
            }).findFirst().orElseThrow(() -> new IllegalStateException(
                    "no packaged jar of " + module + " in " + target + ": run mvn verify (or package) at the root"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no packaged jar of " + module + " in " + target
                    + ": run mvn verify (or package) at the root", e);
        }
    }

    /** Fails with what to do when the local stack's installation is missing: these tests never skip. */
    void requireInstalled() {
        require(pgBin.resolve("initdb"), "PostgreSQL 15");
        require(kafkaLibs(), "Kafka's jars");
    }

    private static void require(Path path, String what) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(what + " not found at " + path
                    + ": install the local stack first (deploy/local/stack.sh install, as root)");
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static Duration duration(String property, Duration fallback) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? fallback : Duration.parse(value);
    }
}
