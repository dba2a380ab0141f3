package io.tradingedu.systemtests;

import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One suite of the four services (usual ports, one private PostgreSQL and Kafka) shared by the test classes that only
 * talk to the services through their APIs and leave them as they found them ({@link LessonToStrategyIT},
 * {@link HostileInputIT}): the four JVMs, most of a class's time on two cores, start once for all of them. The
 * first class starts it; it stops when a class that needs the ports for a suite of its own starts
 * ({@link SystemSuite#withInfrastructure()}), or when the test run ends ({@link StopAtTheEnd}). The pom runs the
 * sharing classes one after the other ({@code @Order} on the classes).
 *
 * <p>Settings are the union of what the sharing classes need: HostileInputIT's backtesting limits (two queued jobs,
 * 1,000,000 walk-forward bars) leave LessonToStrategyIT's work alone: its backtests and walk-forward (5,105 bars,
 * 18 windows of 756) run in the request, under the sync limit, and the pipeline's stage 9 comes over Kafka.
 */
final class SharedSuite {

    /** BACKTEST_LIMITS_MAX_QUEUED_JOBS of the shared backtesting instance. */
    static final int MAX_QUEUED_JOBS = 2;
    /** BACKTEST_LIMITS_MAX_WALK_FORWARD_BARS of the shared backtesting instance (5,000,000 by default). */
    static final int MAX_WALK_FORWARD_BARS = 1_000_000;

    private static SystemSuite suite;
    private static FourServices services;
    /** A start that failed is not tried again by the next class: it fails at once, saying why. */
    private static RuntimeException failure;

    private SharedSuite() {
    }

    /**
     * The shared suite, started if it is not running: its infrastructure is up, its services may still be starting
     * (a class can make its lessons meanwhile; {@link #services()} waits for them).
     */
    static synchronized SystemSuite suite() {
        if (failure != null) {
            throw new IllegalStateException("the shared suite could not start: " + failure.getMessage(), failure);
        }
        if (suite == null) {
            try {
                suite = SystemSuite.create(SystemPaths.fromEnvironment(), 0);
                services = suite.startFourServices(Map.of("backtesting", Map.of(
                        "BACKTEST_LIMITS_MAX_QUEUED_JOBS", String.valueOf(MAX_QUEUED_JOBS),
                        "BACKTEST_LIMITS_MAX_WALK_FORWARD_BARS", String.valueOf(MAX_WALK_FORWARD_BARS))));
            } catch (RuntimeException | Error e) {
                fail(e);
                throw e;
            }
        }
        return suite;
    }

    /** The shared suite's four services once all of them have started. */
    static FourServices services() {
        FourServices started;
        synchronized (SharedSuite.class) {
            suite();
            started = services;
        }
        try {
            return started.awaitHealthy();
        } catch (RuntimeException | Error e) {
            synchronized (SharedSuite.class) {
                fail(e);
            }
            throw e;
        }
    }

    /** Stops the shared suite if it runs (its ports are free afterwards); a later class may start it again. */
    static synchronized void stop() {
        SystemSuite running = suite;
        suite = null;
        services = null;
        if (running != null) {
            running.close();
        }
    }

    private static void fail(Throwable e) {
        failure = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        stop();
    }

    /**
     * Stops the shared suite when the test run ends, before the test JVM exits: JUnit closes what the root context's
     * store holds. (The suite's shutdown hook stays as the last resort.)
     */
    static final class StopAtTheEnd implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(ExtensionContext.Namespace.create(SharedSuite.class))
                    .computeIfAbsent(StopAtTheEnd.class, key -> (AutoCloseable) SharedSuite::stop,
                            AutoCloseable.class);
        }
    }
}
