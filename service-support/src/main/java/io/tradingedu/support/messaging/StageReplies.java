package io.tradingedu.support.messaging;

import io.tradingedu.shared.pipeline.StageCommand;
import io.tradingedu.shared.pipeline.StageOutcome;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a stage worker answers a command exactly once. A command already answered is skipped before any work; the
 * work runs outside a transaction (it may be long); then one transaction records the command as processed, applies
 * the worker's own writes and puts the outcome in the outbox for the stage's events topic. A duplicate that slipped
 * past the first check while the work ran changes nothing.
 */
public class StageReplies {

    private static final Logger log = LoggerFactory.getLogger(StageReplies.class);

    private final Outbox outbox;
    private final ProcessedEvents processed;
    private final TransactionTemplate transactions;

    public StageReplies(Outbox outbox, ProcessedEvents processed, TransactionTemplate transactions) {
        this.outbox = outbox;
        this.processed = processed;
        this.transactions = transactions;
    }

    public <C extends StageCommand> void answerOnce(String consumer, C command, Function<C, Reply> work) {
        if (processed.alreadyProcessed(consumer, command.eventId())) {
            log.info("{} command {} was already answered; skipping", command.stage().slug(), command.eventId());
            return;
        }
        Reply reply = work.apply(command);
        log.info("run {} media {} stage {} attempt {}: {}", command.runId(), command.mediaId(), command.stage().slug(),
                command.attempt(), reply.outcome().summary());
        transactions.executeWithoutResult(status -> {
            if (processed.firstDelivery(consumer, command.eventId())) {
                reply.writes().run();
                outbox.publish(command.stage().eventsTopic(), reply.outcome());
            }
        });
    }

    /**
     * What the work found, and what it stores besides the outcome (run in the same transaction as the outcome).
     */
    public record Reply(StageOutcome outcome, Runnable writes) {

        public static Reply of(StageOutcome outcome) {
            return new Reply(outcome, () -> { });
        }
    }
}
