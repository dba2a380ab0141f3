package io.tradingedu.support.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records a measurement only once the transaction that caused it commits, and once per key: an entity listener may
 * see the same change at an insert and at the update that follows it in one transaction, and a rolled-back change
 * (an optimistic-lock conflict) must not count. Outside a transaction the measurement is recorded at once.
 */
public final class CommittedMeasurements {

    private CommittedMeasurements() {
    }

    /** @param key what the measurement is about (an entity id); a later one with the same key replaces it */
    public static void record(Object key, Runnable measurement) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            measurement.run();
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(Pending.class);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(Pending.class, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.measurements.put(key, measurement);
    }

    private static final class Pending implements TransactionSynchronization {

        private final Map<Object, Runnable> measurements = new LinkedHashMap<>();

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(Pending.class);
            if (status == STATUS_COMMITTED) {
                measurements.values().forEach(Runnable::run);
            }
        }
    }
}
