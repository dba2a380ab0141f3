package io.tradingedu.orchestrator.media;

import io.tradingedu.shared.pipeline.StageCommand;
import io.tradingedu.support.messaging.StageReplies;

/** The long part of a media stage: runs off the listener thread and returns the stage's answer. */
@FunctionalInterface
public interface StageWork<C extends StageCommand> {

    StageReplies.Reply run(C command, StageJob job) throws Exception;

    /** What a running job gets from the runner: where to check for cancellation and where to report progress. */
    record StageJob(Checkpoint checkpoint, ProgressListener progress) {
    }
}
