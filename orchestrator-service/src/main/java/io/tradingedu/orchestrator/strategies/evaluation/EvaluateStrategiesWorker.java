package io.tradingedu.orchestrator.strategies.evaluation;

import io.tradingedu.orchestrator.media.WorkerRole;
import io.tradingedu.shared.pipeline.EvaluateStrategies;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.StrategiesBacktested;
import io.tradingedu.shared.pipeline.StrategiesBacktested.StrategyResult;
import io.tradingedu.shared.pipeline.StrategiesEvaluated;
import io.tradingedu.support.messaging.StageReplies;
import io.tradingedu.support.messaging.StageReplies.Reply;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Stage 10: every candidate of the media item is judged on stage 9's results and the decision stored with its
 * reasons; promoted ones become proven strategies. The multiple-testing correction counts the trials of all the
 * lesson's candidates together. A lesson without candidates succeeds with "no strategy: " and stage 8's reason.
 */
@Component
@WorkerRole
class EvaluateStrategiesWorker {

    static final String CONSUMER = "evaluate-strategies-worker";

    private final EvaluationStore store;
    private final StageReplies replies;
    private final StrategyJudge judge;
    private final Clock clock;

    EvaluateStrategiesWorker(EvaluationStore store, StageReplies replies, EvaluationProperties criteria, Clock clock) {
        this.store = store;
        this.replies = replies;
        this.judge = new StrategyJudge(criteria);
        this.clock = clock;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, properties = "max.poll.records=1",
            topics = "#{T(io.tradingedu.shared.pipeline.PipelineStage).EVALUATE_PROMOTE.commandsTopic()}")
    void onCommand(String json) {
        if (PipelineMessages.fromJson(json) instanceof EvaluateStrategies command) {
            replies.answerOnce(CONSUMER, command, this::evaluate);
        }
    }

    private Reply evaluate(EvaluateStrategies command) {
        List<EvaluationStore.Candidate> candidates = store.candidates(command.mediaId());
        if (candidates.isEmpty()) {
            String why = command.generationNotes().isEmpty() ? "stage 8 generated no candidate"
                    : String.join("; ", command.generationNotes());
            return new Reply(StrategiesEvaluated.of(command, List.of(), List.of(), List.of("no strategy: " + why)),
                    () -> store.retireAll(command.mediaId(), clock.instant()));
        }
        StrategiesBacktested backtests = command.backtests();
        Map<String, StrategyResult> results = backtests == null ? Map.of() : backtests.results().stream()
                .collect(Collectors.toMap(StrategyResult::key, Function.identity(), (a, b) -> a));
        Trials trials = Trials.pool(results.values().stream().filter(r -> r.violations().isEmpty())
                .map(r -> Trials.of(r.tuning())).toList());
        List<EvaluationStore.Decided> decided = new ArrayList<>();
        List<String> promoted = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (EvaluationStore.Candidate candidate : candidates) {
            StrategyResult result = results.get(candidate.key());
            StrategyJudge.Verdict verdict = result == null
                    ? StrategyJudge.Verdict.rejected(new Reason("tested", false, null, null, "not backtested: stage 9 "
                    + "reported no result for it" + (backtests == null || backtests.notes().isEmpty() ? ""
                    : " (" + String.join("; ", backtests.notes()) + ")")))
                    : judge.judge(result, trials);
            decided.add(new EvaluationStore.Decided(candidate, result, verdict));
            (verdict.promoted() ? promoted : rejected).add(candidate.key());
        }
        List<String> notes = decided.stream().filter(d -> !d.verdict().promoted())
                .map(d -> d.candidate().key() + ": " + d.verdict().failed().getFirst().text()).toList();
        return new Reply(StrategiesEvaluated.of(command, promoted, rejected, notes),
                () -> store.record(command.mediaId(), decided, clock.instant()));
    }
}
