package io.tradingedu.orchestrator.validate;

import io.tradingedu.orchestrator.media.WorkerRole;
import io.tradingedu.shared.pipeline.MediaValidated;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.StageFailed;
import io.tradingedu.shared.pipeline.StageOutcome;
import io.tradingedu.shared.pipeline.ValidateMedia;
import io.tradingedu.support.messaging.StageReplies;
import java.nio.file.Path;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The stage 1 worker: probes the file outside any transaction and answers each command once. */
@Component
@WorkerRole
class ValidateMediaWorker {

    static final String CONSUMER = "validate-worker";

    private final MediaValidator validator;
    private final StageReplies replies;

    ValidateMediaWorker(MediaValidator validator, StageReplies replies) {
        this.validator = validator;
        this.replies = replies;
    }

    @KafkaListener(id = "validate-worker", topics = "#{T(io.tradingedu.shared.pipeline.PipelineStage).VALIDATE.commandsTopic()}",
            groupId = CONSUMER, properties = {"max.poll.records=1", "max.poll.interval.ms=600000"})
    void onCommand(String json) {
        if (PipelineMessages.fromJson(json) instanceof ValidateMedia command) {
            replies.answerOnce(CONSUMER, command, this::validate);
        }
    }

    private StageReplies.Reply validate(ValidateMedia command) {
        ValidationResult result;
        try {
            result = validator.validate(Path.of(command.mediaPath()));
        } catch (InterruptedException e) {
            // shutting down: leave the command unanswered so that it is delivered again
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while validating " + command.mediaPath(), e);
        }
        StageOutcome outcome = switch (result) {
            case ValidationResult.Valid valid -> MediaValidated.of(command, valid.probe(), valid.summary());
            case ValidationResult.Invalid invalid -> StageFailed.of(command, invalid.reason(), invalid.retryable());
        };
        return StageReplies.Reply.of(outcome);
    }
}
