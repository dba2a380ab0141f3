package io.tradingedu.backtesting.backtest;

import io.tradingedu.backtesting.engine.FillTiming;
import io.tradingedu.backtesting.engine.Metrics;
import io.tradingedu.backtesting.engine.PeriodResult;
import io.tradingedu.backtesting.marketdata.DatasetNotFoundException;
import io.tradingedu.shared.backtest.DatasetRef;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.RunBacktest;
import io.tradingedu.shared.pipeline.StageFailed;
import io.tradingedu.shared.pipeline.StrategiesBacktested;
import io.tradingedu.shared.pipeline.StrategiesBacktested.DatasetResult;
import io.tradingedu.shared.pipeline.StrategiesBacktested.PeriodMetrics;
import io.tradingedu.shared.pipeline.StrategiesBacktested.StrategyResult;
import io.tradingedu.shared.strategy.StrategyValidator;
import io.tradingedu.shared.strategy.Violation;
import io.tradingedu.support.messaging.StageReplies;
import io.tradingedu.support.messaging.StageReplies.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The stage 9 worker. Each valid strategy is backtested on every dataset of the plan outside any transaction; the
 * backtests, the outcome and the command's event id are then stored together ({@link StageReplies}), so a
 * redelivered command is answered once and a crash before the commit leaves nothing half done. Invalid strategies
 * are reported with their reasons; a command whose strategies are all invalid, or whose data is missing, is a stage
 * failure that no retry can fix.
 */
@Component
class RunBacktestWorker {

    static final String CONSUMER = "backtest-worker";

    private final BacktestService backtests;
    private final StageReplies replies;

    RunBacktestWorker(BacktestService backtests, StageReplies replies) {
        this.backtests = backtests;
        this.replies = replies;
    }

    @KafkaListener(id = CONSUMER, topics = "#{T(io.tradingedu.shared.pipeline.PipelineStage).BACKTEST.commandsTopic()}",
            groupId = CONSUMER, properties = {"max.poll.records=1", "max.poll.interval.ms=600000"})
    void onCommand(String json) {
        if (PipelineMessages.fromJson(json) instanceof RunBacktest command) {
            replies.answerOnce(CONSUMER, command, this::answer);
        }
    }

    private Reply answer(RunBacktest command) {
        if (command.strategies().isEmpty() || command.plan().datasets().isEmpty()) {
            return Reply.of(StageFailed.of(command, "nothing to backtest: the command names "
                    + command.strategies().size() + " strategies and " + command.plan().datasets().size()
                    + " datasets", false));
        }
        List<StrategyResult> results = new ArrayList<>();
        List<BacktestService.CompletedBacktest> completed = new ArrayList<>();
        try {
            for (RunBacktest.StrategyToTest strategy : command.strategies()) {
                results.add(test(command, strategy, completed));
            }
        } catch (DatasetNotFoundException | IllegalArgumentException e) {
            return Reply.of(StageFailed.of(command, e.getMessage(), false));
        }
        if (results.stream().allMatch(r -> !r.violations().isEmpty())) {
            return Reply.of(StageFailed.of(command, "no strategy could be run: " + results.stream()
                    .map(r -> r.key() + " (" + r.violations().getFirst() + ")").toList(), false));
        }
        return new Reply(StrategiesBacktested.of(command, results), () -> completed.forEach(backtests::store));
    }

    private StrategyResult test(RunBacktest command, RunBacktest.StrategyToTest strategy,
                                List<BacktestService.CompletedBacktest> completed) {
        List<Violation> violations = StrategyValidator.validate(strategy.definition());
        if (!violations.isEmpty()) {
            return new StrategyResult(strategy.key(), strategy.definition().name(), violations, List.of());
        }
        List<DatasetResult> datasets = new ArrayList<>();
        for (DatasetRef dataset : command.plan().datasets()) {
            BacktestJob job = new BacktestJob(null, strategy.definition(), dataset.symbol(),
                    dataset.timeframe() == null ? "1d" : dataset.timeframe(), dataset.from(), dataset.to(),
                    command.plan().initialCapital(), FillTiming.NEXT_OPEN, command.plan().testPlan(), null, null, null);
            BacktestService.CompletedBacktest backtest = backtests.runForPipeline(job, command.runId());
            completed.add(backtest);
            datasets.add(new DatasetResult(dataset, backtest.backtest().id(), backtest.report().periods().stream()
                    .map(RunBacktestWorker::periodMetrics).toList()));
        }
        return new StrategyResult(strategy.key(), strategy.definition().name(), List.of(), datasets);
    }

    private static PeriodMetrics periodMetrics(PeriodResult period) {
        Map<String, Double> named = new LinkedHashMap<>();
        for (String name : Metrics.NAMES) {
            Double value = period.metrics().byName(name);
            if (value != null) {
                named.put(name, value);
            }
        }
        return new PeriodMetrics(period.label(), period.from(), period.to(), named);
    }
}
