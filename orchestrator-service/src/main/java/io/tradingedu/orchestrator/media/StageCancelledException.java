package io.tradingedu.orchestrator.media;

/** The run a stage was working for was cancelled or deleted: the work stops and nothing is answered. */
public class StageCancelledException extends RuntimeException {

    public StageCancelledException(String message) {
        super(message);
    }
}
