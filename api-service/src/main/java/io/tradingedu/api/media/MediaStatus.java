package io.tradingedu.api.media;

import io.tradingedu.shared.pipeline.RunStatus;

/** A media item's state, following its pipeline run. */
public enum MediaStatus {
    PENDING, PROCESSING, COMPLETED, FAILED, CANCELLED;

    static MediaStatus of(RunStatus run) {
        return switch (run) {
            case PENDING -> PENDING;
            case RUNNING -> PROCESSING;
            case COMPLETED -> COMPLETED;
            case FAILED -> FAILED;
            case CANCELLED -> CANCELLED;
        };
    }

    boolean isActive() {
        return this == PENDING || this == PROCESSING;
    }
}
