package io.tradingedu.orchestrator.media;

/**
 * Called by long stage work between steps. Throws when the work must stop: the run was cancelled or deleted
 * ({@link StageCancelledException}), or the thread was interrupted because the service is shutting down.
 */
@FunctionalInterface
public interface Checkpoint {

    Checkpoint NONE = () -> { };

    void check() throws InterruptedException;
}
