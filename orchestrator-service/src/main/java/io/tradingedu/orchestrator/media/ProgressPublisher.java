package io.tradingedu.orchestrator.media;

import io.tradingedu.shared.pipeline.StageCommand;
import io.tradingedu.shared.pipeline.StageProgressed;
import io.tradingedu.support.messaging.Outbox;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Sends a running job's {@link StageProgressed} to the orchestrator through the outbox. */
@Component
class ProgressPublisher {

    private final Outbox outbox;
    private final TransactionTemplate transactions;

    ProgressPublisher(Outbox outbox, TransactionTemplate transactions) {
        this.outbox = outbox;
        this.transactions = transactions;
    }

    void publish(StageCommand command, String message) {
        transactions.executeWithoutResult(s -> outbox.publish(command.stage().eventsTopic(),
                StageProgressed.of(command, message)));
    }
}
