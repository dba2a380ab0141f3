package io.tradingedu.backtesting.backtest;

import io.tradingedu.backtesting.engine.FillTiming;
import io.tradingedu.backtesting.engine.Metrics;
import io.tradingedu.backtesting.marketdata.DatasetNotFoundException;
import io.tradingedu.shared.backtest.DatasetRef;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.RunBacktest;
import io.tradingedu.shared.pipeline.StageFailed;
import io.tradingedu.shared.pipeline.StageOutcome;
import io.tradingedu.shared.pipeline.StrategiesBacktested;
import io.tradingedu.shared.pipeline.StrategiesBacktested.DatasetResult;
import io.tradingedu.shared.pipeline.StrategiesBacktested.PeriodMetrics;
import io.tradingedu.shared.pipeline.StrategiesBacktested.StrategyResult;
import io.tradingedu.shared.strategy.StrategyValidator;
import io.tradingedu.shared.strategy.Violation;
import io.tradingedu.support.messaging.Outbox;
import io.tradingedu.support.messaging.ProcessedEvents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stage 9 worker. Each valid strategy is backtested on every dataset of the plan; the backtests, the outcome
 * and the command's event id are stored in one transaction, so a redelivered command is answered once and a crash
 * before the commit leaves nothing half done. Invalid strategies are reported with their reasons; a command whose
 * strategies are all invalid, or whose data is missing, is a stage failure that no retry can fix.
 */
@Component
class RunBacktestWorker {

    private static final Logger log = LoggerFactory.getLogger(RunBacktestWorker.class);
    static final String CONSUMER = "backtest-worker";
    private static final List<String> REPORTED_METRICS = List.of("total_return", "cagr", "annual_volatility",
            "sharpe", "sortino", "calmar", "max_drawdown", "win_rate", "profit_factor", "expectancy",
            "average_trade_percent", "sqn", "trades");

    private final BacktestService backtests;
    private final Outbox outbox;
    private final ProcessedEvents processed;
    private final TransactionTemplate transactions;

    RunBacktestWorker(BacktestService backtests, Outbox outbox, ProcessedEvents processed,
                      TransactionTemplate transactions) {
        this.backtests = backtests;
        this.outbox = outbox;
        this.processed = processed;
        this.transactions = transactions;
    }

    @KafkaListener(id = CONSUMER, topics = "#{T(io.tradingedu.shared.pipeline.PipelineStage).BACKTEST.commandsTopic()}",
            groupId = CONSUMER, properties = {"max.poll.records=1", "max.poll.interval.ms=600000"})
    void onCommand(String json) {
        if (!(PipelineMessages.fromJson(json) instanceof RunBacktest command)) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            if (!processed.firstDelivery(CONSUMER, command.eventId())) {
                log.info("backtest command {} was already answered; skipping", command.eventId());
                return;
            }
            StageOutcome outcome = answer(command);
            log.info("run {} media {} attempt {}: {}", command.runId(), command.mediaId(), command.attempt(),
                    outcome.summary());
            outbox.publish(PipelineStage.BACKTEST.eventsTopic(), outcome);
        });
    }

    private StageOutcome answer(RunBacktest command) {
        if (command.strategies().isEmpty() || command.plan().datasets().isEmpty()) {
            return StageFailed.of(command, "nothing to backtest: the command names "
                    + command.strategies().size() + " strategies and " + command.plan().datasets().size()
                    + " datasets", false);
        }
        List<StrategyResult> results = new ArrayList<>();
        try {
            for (RunBacktest.StrategyToTest strategy : command.strategies()) {
                results.add(test(command, strategy));
            }
        } catch (DatasetNotFoundException | IllegalArgumentException e) {
            return StageFailed.of(command, e.getMessage(), false);
        }
        if (results.stream().allMatch(r -> !r.violations().isEmpty())) {
            return StageFailed.of(command, "no strategy could be run: " + results.stream()
                    .map(r -> r.key() + " (" + r.violations().getFirst() + ")").toList(), false);
        }
        return StrategiesBacktested.of(command, results);
    }

    private StrategyResult test(RunBacktest command, RunBacktest.StrategyToTest strategy) {
        List<Violation> violations = StrategyValidator.validate(strategy.definition());
        if (!violations.isEmpty()) {
            return new StrategyResult(strategy.key(), strategy.definition().name(), violations, List.of());
        }
        List<DatasetResult> datasets = new ArrayList<>();
        for (DatasetRef dataset : command.plan().datasets()) {
            BacktestJob job = new BacktestJob(null, strategy.definition(), dataset.symbol(),
                    dataset.timeframe() == null ? "1d" : dataset.timeframe(), dataset.from(), dataset.to(),
                    command.plan().initialCapital(), FillTiming.NEXT_OPEN, command.plan().testPlan(), null, null, null);
            BacktestView view = backtests.runForPipeline(job, command.runId());
            datasets.add(new DatasetResult(dataset, view.id(), view.metrics().periods().stream()
                    .map(p -> new PeriodMetrics(p.label(), p.from(), p.to(), metrics(p.metrics()))).toList()));
        }
        return new StrategyResult(strategy.key(), strategy.definition().name(), List.of(), datasets);
    }

    private static Map<String, Double> metrics(Metrics metrics) {
        Map<String, Double> named = new LinkedHashMap<>();
        for (String name : REPORTED_METRICS) {
            Double value = metrics.byName(name);
            if (value != null) {
                named.put(name, value);
            }
        }
        return named;
    }
}
