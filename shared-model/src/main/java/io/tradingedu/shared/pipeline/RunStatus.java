package io.tradingedu.shared.pipeline;

/** The life of a pipeline run: pending, then running stage by stage, then one of the three terminal states. */
public enum RunStatus {
    PENDING, RUNNING, COMPLETED, FAILED, CANCELLED;

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
