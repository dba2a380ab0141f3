package io.tradingedu.orchestrator.run;

import java.util.UUID;

public class RunNotFoundException extends RuntimeException {

    public RunNotFoundException(UUID runId) {
        super("no pipeline run with id " + runId);
    }
}
