package io.tradingedu.orchestrator.validate;

import io.tradingedu.shared.pipeline.MediaValidated;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.StageFailed;
import io.tradingedu.shared.pipeline.StageOutcome;
import io.tradingedu.shared.pipeline.ValidateMedia;
import io.tradingedu.support.messaging.Outbox;
import io.tradingedu.support.messaging.ProcessedEvents;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stage 1 worker. The probe runs outside any transaction; the outcome is recorded together with the command's
 * event id, so a redelivered command that was already answered is not answered twice.
 */
@Component
class ValidateMediaWorker {

    private static final Logger log = LoggerFactory.getLogger(ValidateMediaWorker.class);
    static final String CONSUMER = "validate-worker";

    private final MediaValidator validator;
    private final Outbox outbox;
    private final ProcessedEvents processed;
    private final TransactionTemplate transactions;

    ValidateMediaWorker(MediaValidator validator, Outbox outbox, ProcessedEvents processed,
                        TransactionTemplate transactions) {
        this.validator = validator;
        this.outbox = outbox;
        this.processed = processed;
        this.transactions = transactions;
    }

    @KafkaListener(id = "validate-worker", topics = "#{T(io.tradingedu.shared.pipeline.PipelineStage).VALIDATE.commandsTopic()}",
            groupId = CONSUMER, properties = {"max.poll.records=1", "max.poll.interval.ms=600000"})
    void onCommand(String json) throws InterruptedException {
        if (!(PipelineMessages.fromJson(json) instanceof ValidateMedia command)) {
            return;
        }
        if (processed.alreadyProcessed(CONSUMER, command.eventId())) {
            log.info("validate command {} was already answered; skipping", command.eventId());
            return;
        }
        ValidationResult result = validator.validate(Path.of(command.mediaPath()));
        StageOutcome outcome = switch (result) {
            case ValidationResult.Valid valid -> MediaValidated.of(command, valid.probe(), valid.summary());
            case ValidationResult.Invalid invalid -> StageFailed.of(command, invalid.reason(), invalid.retryable());
        };
        log.info("run {} media {} attempt {}: {}", command.runId(), command.mediaId(), command.attempt(),
                outcome.summary());
        transactions.executeWithoutResult(status -> {
            if (processed.firstDelivery(CONSUMER, command.eventId())) {
                outbox.publish(PipelineStage.VALIDATE.eventsTopic(), outcome);
            }
        });
    }
}
