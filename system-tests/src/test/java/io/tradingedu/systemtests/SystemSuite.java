package io.tradingedu.systemtests;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;

/**
 * The private infrastructure (PostgreSQL, Kafka) and the services' processes of one test class, with the settings
 * that connect them. Started once per class; {@link #close()} stops everything, also from a shutdown hook when the
 * test JVM is stopped, so no process outlives the run.
 *
 * <p>Ports: PostgreSQL 15432, Kafka 19092 (controller 19093), backtesting 18001, orchestrator 18002, api 18003,
 * embeddings 18004; a second instance of a service takes its port + 10; all of them moved by
 * {@code systemtests.port-offset}. A suite in a lane of its own ({@link #inLane}) runs beside the others: its ports
 * are moved once more and its state lives in a work directory of its own.
 */
final class SystemSuite implements AutoCloseable {

    /** Added to every port below ({@code -Dsystemtests.port-offset=100}) when another program holds one of them. */
    static final int PORT_OFFSET = Integer.getInteger("systemtests.port-offset", 0);
    static final int POSTGRES_PORT = 15432 + PORT_OFFSET;
    static final int KAFKA_PORT = 19092 + PORT_OFFSET;
    static final int KAFKA_CONTROLLER_PORT = 19093 + PORT_OFFSET;
    static final int BACKTESTING_PORT = 18001 + PORT_OFFSET;
    static final int ORCHESTRATOR_PORT = 18002 + PORT_OFFSET;
    static final int API_PORT = 18003 + PORT_OFFSET;
    static final int EMBEDDINGS_PORT = 18004 + PORT_OFFSET;
    static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private static final SecureRandom RANDOM = new SecureRandom();
    /** A thread per task: the tasks mostly wait (for a process, a port), whatever the number of cores. */
    static final Executor SIDE_BY_SIDE = task -> Thread.ofVirtual().name("system-tests").start(task);

    /**
     * One suite's services start at a time, across the suites that run at once: a JVM's start is CPU-bound, and two
     * suites' eight JVMs starting together on two cores took longer than {@link #START_TIMEOUT}. What a suite does
     * beside another's start is its waiting (an outage, a run, a lease).
     */
    private static final Semaphore STARTING = new Semaphore(1, true);

    private final SystemPaths paths;
    /** This suite holds {@link #STARTING} while its four services start. */
    private boolean starting;
    /** Added to the ports above: 0, or a lane's shift. */
    private final int portShift;
    private final PrivatePostgres postgres;
    private final PrivateKafka kafka;
    private final String serviceToken = randomToken(32);
    private final String adminKey = "te_" + randomToken(32);
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Thread shutdownHook = new Thread(this::close, "system-tests-shutdown");
    private boolean closed;

    private SystemSuite(SystemPaths paths, int portShift) {
        this.paths = paths;
        this.portShift = portShift;
        this.postgres = new PrivatePostgres(paths, POSTGRES_PORT + portShift);
        this.kafka = new PrivateKafka(paths, KAFKA_PORT + portShift, KAFKA_CONTROLLER_PORT + portShift);
    }

    /**
     * Creates and starts a fresh private PostgreSQL cluster and Kafka broker on the usual ports; the shared suite
     * ({@link SharedSuite}), which holds them while it runs, is stopped first.
     */
    static SystemSuite withInfrastructure() {
        SharedSuite.stop();
        return create(SystemPaths.fromEnvironment(), 0);
    }

    /**
     * A suite that runs at the same time as the others (the pom lets one test class run beside the rest): every port
     * moved by {@code portShift} and its state in {@code target/<lane>} instead of {@code target/system}.
     */
    static SystemSuite inLane(String lane, int portShift) {
        return create(SystemPaths.fromEnvironment().inLane(lane), portShift);
    }

    /** Creates and starts a fresh private PostgreSQL cluster and Kafka broker for the suite. */
    static SystemSuite create(SystemPaths paths, int portShift) {
        paths.requireInstalled();
        SystemSuite suite = new SystemSuite(paths, portShift);
        Runtime.getRuntime().addShutdownHook(suite.shutdownHook);
        try {
            // independent of each other, and each mostly waits for a JVM or initdb: side by side
            CompletableFuture<PrivateKafka> kafka = CompletableFuture.supplyAsync(suite.kafka::create, SIDE_BY_SIDE);
            try {
                suite.postgres.create();
            } finally {
                join(kafka);
            }
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    SystemPaths paths() {
        return paths;
    }

    PrivatePostgres postgres() {
        return postgres;
    }

    PrivateKafka kafka() {
        return kafka;
    }

    int backtestingPort() {
        return BACKTESTING_PORT + portShift;
    }

    int orchestratorPort() {
        return ORCHESTRATOR_PORT + portShift;
    }

    int apiPort() {
        return API_PORT + portShift;
    }

    int embeddingsPort() {
        return EMBEDDINGS_PORT + portShift;
    }

    /** The bootstrap admin key every service is given; every request carries it as a bearer token. */
    String adminKey() {
        return adminKey;
    }

    /** Starts a service's jar (not waiting for it) under a unique name, e.g. {@code orchestrator-2}. */
    ServiceProcess start(String name, String module, int port, Map<String, String> settings) {
        if (services.containsKey(name)) {
            throw new IllegalStateException(name + " was started before: restart it with its ServiceProcess");
        }
        Map<String, String> env = new HashMap<>(commonEnvironment());
        env.put("PORT", Integer.toString(port));
        env.putAll(settings);
        ServiceProcess service = ServiceProcess.service(name, module, port, env, paths);
        services.put(name, service);
        return service.start();
    }

    /**
     * Starts the four services side by side under their usual names (backtesting, orchestrator, embeddings, api),
     * each with the suite's common environment plus its own settings, keyed by that name; does not wait for them.
     */
    FourServices startFourServices(Map<String, Map<String, String>> settingsByService) {
        startBegins();
        Map<String, String> none = Map.of();
        try {
            return startFour(settingsByService, none);
        } catch (RuntimeException | Error e) {
            startEnded();
            throw e;
        }
    }

    private FourServices startFour(Map<String, Map<String, String>> settingsByService, Map<String, String> none) {
        return new FourServices(this,
                start("backtesting", "backtesting-service", backtestingPort(),
                        settingsByService.getOrDefault("backtesting", none)),
                start("orchestrator", "orchestrator-service", orchestratorPort(),
                        settingsByService.getOrDefault("orchestrator", none)),
                start("embeddings", "embeddings-service", embeddingsPort(),
                        settingsByService.getOrDefault("embeddings", none)),
                start("api", "api-service", apiPort(), settingsByService.getOrDefault("api", none)));
    }

    /** Waits until no other suite's services are starting (this wait is not part of the start's timeout). */
    private void startBegins() {
        try {
            STARTING.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while another suite's services started", e);
        }
        synchronized (this) {
            starting = true;
        }
    }

    /** The four services have started (or failed to, or the suite is closed): the next suite's may start. */
    synchronized void startEnded() {
        if (starting) {
            starting = false;
            STARTING.release();
        }
    }

    /** Stage 9 backtests a lesson's strategy on the S&P 500 (fetched by stack.sh test / fetch-data): loads it. */
    void loadSp500(ApiClient backtesting) {
        backtesting.postFiles("/market-data?symbol=SPX&timeframe=1d",
                Map.of("file", paths.marketData().resolve("sp500-2000.csv"))).expect(200, 201);
    }

    /** Waits until every given service has started. */
    static void awaitHealthy(ServiceProcess... started) {
        for (ServiceProcess service : started) {
            service.awaitHealthy(START_TIMEOUT);
        }
    }

    ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name + " in this suite");
        }
        return service;
    }

    /** A client carrying the admin key, which api-service stores at start-up (every service then accepts it). */
    ApiClient client(ServiceProcess service) {
        return new ApiClient(service.url(), adminKey);
    }

    /**
     * A client carrying the services' shared token (read and write), for a suite without api-service: API keys live in
     * api-service's table, which then does not exist.
     */
    ApiClient serviceClient(ServiceProcess service) {
        return new ApiClient(service.url(), serviceToken);
    }

    /** What every service gets: the private infrastructure, the peers' URLs, credentials, caches. */
    private Map<String, String> commonEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", postgres.jdbcUrl());
        env.put("DATABASE_USER", PrivatePostgres.USER);
        env.put("DATABASE_PASSWORD", PrivatePostgres.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("REDIS_PORT", SystemPaths.env("REDIS_PORT", "6379"));
        env.put("MEDIA_ROOT", paths.work().resolve("media").toString());
        env.put("INGEST_ROOT", paths.work().resolve("ingest").toString());
        env.put("ORCHESTRATOR_URL", "http://localhost:" + orchestratorPort());
        env.put("EMBEDDINGS_URL", "http://localhost:" + embeddingsPort());
        env.put("BACKTESTING_URL", "http://localhost:" + backtestingPort());
        env.put("BACKTESTING_PUBLIC_URL", "http://localhost:" + backtestingPort());
        // the embedding model runs offline from the local stack's caches, as deploy/local/lib/apps.sh runs it
        env.put("DJL_OFFLINE", "true");
        env.put("DJL_CACHE_DIR", paths.stackHome().resolve("cache/djl").toString());
        env.put("EMBEDDING_CACHE_DIR", paths.stackHome().resolve("cache/embeddings").toString());
        env.put("SERVICE_TOKEN", serviceToken);
        env.put("SECURITY_BOOTSTRAP_ADMIN_KEY", adminKey);
        // a consumer paused by an outage looks again within seconds once it ends (default up to 30 s)
        env.put("MESSAGING_RETRY_MAX_INTERVAL", "5s");
        env.put("OMP_THREAD_LIMIT", "1");
        return env;
    }

    private static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Stops every service (SIGTERM, then SIGKILL), then Kafka and PostgreSQL; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        startEnded();
        List<RuntimeException> failures = new ArrayList<>();
        // each stops on its own (SIGTERM, grace, SIGKILL): side by side rather than one grace period after another
        List<CompletableFuture<Void>> stopping = services.values().stream()
                .map(service -> CompletableFuture.runAsync(service::stop, SIDE_BY_SIDE)).toList();
        for (CompletableFuture<Void> stop : stopping) {
            run(() -> join(stop), failures);
        }
        run(kafka::close, failures);
        run(postgres::close, failures);
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.getFirst();
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    /** Waits for a step run on another thread; its failure is thrown as it was. */
    static <T> T join(CompletableFuture<T> step) {
        try {
            return step.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static void run(Runnable step, List<RuntimeException> failures) {
        try {
            step.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }
}
