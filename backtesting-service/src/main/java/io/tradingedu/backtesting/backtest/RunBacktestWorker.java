package io.tradingedu.backtesting.backtest;

import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.RunBacktest;
import io.tradingedu.shared.pipeline.StageFailed;
import io.tradingedu.shared.pipeline.StrategiesBacktested;
import io.tradingedu.shared.pipeline.StrategiesBacktested.StrategyResult;
import io.tradingedu.support.messaging.StageReplies;
import io.tradingedu.support.messaging.StageReplies.Reply;
import java.util.ArrayList;
import java.util.List;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The stage 9 worker. Each valid strategy is tuned and backtested on every usable dataset of the plan outside any
 * transaction ({@link PipelineBacktester}); the backtests, the outcome and the command's event id are then stored
 * together ({@link StageReplies}), so a redelivered command is answered once and a crash before the commit leaves
 * nothing half done.
 *
 * <p>A command without strategies succeeds with "no strategies to backtest" (stage 8 found nothing tradable and the
 * run must still complete and say why). A dataset that is not loaded is a note; the stage fails, without retry, only
 * when no dataset of the plan can be used or no strategy can be run.
 */
@Component
class RunBacktestWorker {

    static final String CONSUMER = "backtest-worker";

    private final PipelineBacktester backtester;
    private final BacktestService backtests;
    private final StageReplies replies;
    private final PipelineBacktestProperties properties;

    RunBacktestWorker(PipelineBacktester backtester, BacktestService backtests, StageReplies replies,
                      PipelineBacktestProperties properties) {
        this.backtester = backtester;
        this.backtests = backtests;
        this.replies = replies;
        this.properties = properties;
    }

    @KafkaListener(id = CONSUMER, topics = "#{T(io.tradingedu.shared.pipeline.PipelineStage).BACKTEST.commandsTopic()}",
            groupId = CONSUMER, properties = {"max.poll.records=1", "max.poll.interval.ms=600000"})
    void onCommand(String json) {
        if (PipelineMessages.fromJson(json) instanceof RunBacktest command) {
            replies.answerOnce(CONSUMER, command, this::answer);
        }
    }

    private Reply answer(RunBacktest command) {
        if (command.strategies().isEmpty()) {
            return Reply.of(StrategiesBacktested.of(command, List.of(), List.of("no strategies to backtest")));
        }
        List<String> notes = new ArrayList<>();
        List<PipelineBacktester.UsableDataset> datasets = backtester.usable(command.plan(), notes);
        if (datasets.isEmpty()) {
            return Reply.of(StageFailed.of(command, "none of the plan's datasets can be used: "
                    + (notes.isEmpty() ? "the plan names no dataset" : String.join("; ", notes)), false));
        }
        List<RunBacktest.StrategyToTest> tested = command.strategies();
        if (tested.size() > properties.maxStrategies()) {
            notes.add("only the first " + properties.maxStrategies() + " of " + tested.size()
                    + " strategies were tested (backtest.pipeline.max-strategies)");
            tested = tested.subList(0, properties.maxStrategies());
        }
        List<StrategyResult> results = new ArrayList<>();
        List<BacktestService.CompletedBacktest> completed = new ArrayList<>();
        for (RunBacktest.StrategyToTest strategy : tested) {
            results.add(backtester.test(command, strategy, datasets, completed));
        }
        if (results.stream().allMatch(r -> !r.violations().isEmpty())) {
            return Reply.of(StageFailed.of(command, "no strategy could be run: " + results.stream()
                    .map(r -> r.key() + " (" + r.violations().getFirst() + ")").toList(), false));
        }
        return new Reply(StrategiesBacktested.of(command, results, notes),
                () -> completed.forEach(backtests::store));
    }
}
