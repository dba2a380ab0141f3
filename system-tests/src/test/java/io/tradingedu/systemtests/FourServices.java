package io.tradingedu.systemtests;

import java.util.List;

/**
 * The four services of a suite, started side by side by {@link SystemSuite#startFourServices}; {@link #awaitHealthy()}
 * also lets the next suite's services start.
 */
record FourServices(SystemSuite suite, ServiceProcess backtesting, ServiceProcess orchestrator,
                    ServiceProcess embeddings, ServiceProcess api) {

    List<ServiceProcess> all() {
        return List.of(backtesting, orchestrator, embeddings, api);
    }

    /** Waits until all four have started (each within {@link SystemSuite#START_TIMEOUT}). */
    FourServices awaitHealthy() {
        try {
            SystemSuite.awaitHealthy(backtesting, orchestrator, embeddings, api);
            return this;
        } finally {
            suite.startEnded();
        }
    }
}
