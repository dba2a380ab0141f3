package io.tradingedu.orchestrator.run;

/** Where one stage of a run stands. */
public enum StageStatus {
    PENDING, RUNNING, RETRY_WAIT, SUCCEEDED, FAILED, CANCELLED
}
