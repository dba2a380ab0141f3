package io.tradingedu.orchestrator.validate;

import io.tradingedu.shared.pipeline.MediaProbe;

/** What stage 1 concluded about a file. */
sealed interface ValidationResult {

    record Valid(MediaProbe probe, String summary) implements ValidationResult {
    }

    /** @param retryable true when the trouble is ours (a tool missing), not the file's */
    record Invalid(String reason, boolean retryable) implements ValidationResult {
    }

    static Invalid rejected(String reason) {
        return new Invalid(reason, false);
    }
}
