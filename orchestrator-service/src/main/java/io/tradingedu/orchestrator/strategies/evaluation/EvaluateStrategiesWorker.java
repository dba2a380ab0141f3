package io.tradingedu.orchestrator.strategies.evaluation;

import io.tradingedu.orchestrator.media.RunLiveness;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Stage 10: every candidate stage 8 wrote for this run is judged on stage 9's results and the decision stored with
 * its reasons; promoted ones become proven strategies. The multiple-testing correction counts the trials of all the
 * lesson's candidates together. A lesson without candidates succeeds with "no strategy: " and stage 8's reason.
 * Like the media stages, it answers only while the run still wants this stage's result, and stores its decisions only
 * if that still holds inside the reply transaction (under a share lock on the run): a late command of a cancelled or
 * finished run changes nothing.
 */
@Component
@WorkerRole
class EvaluateStrategiesWorker {

    static final String CONSUMER = "evaluate-strategies-worker";
    private static final Logger log = LoggerFactory.getLogger(EvaluateStrategiesWorker.class);

    private final EvaluationStore store;
    private final StageReplies replies;
    private final RunLiveness liveness;
    private final StrategyJudge judge;
    private final Clock clock;

    EvaluateStrategiesWorker(EvaluationStore store, StageReplies replies, RunLiveness liveness,
                             EvaluationProperties criteria, Clock clock) {
        this.store = store;
        this.replies = replies;
        this.liveness = liveness;
        this.judge = new StrategyJudge(criteria);
        this.clock = clock;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, properties = "max.poll.records=1",
            topics = "#{T(io.tradingedu.shared.pipeline.PipelineStage).EVALUATE_PROMOTE.commandsTopic()}")
    void onCommand(String json) {
        if (PipelineMessages.fromJson(json) instanceof EvaluateStrategies command) {
            if (!liveness.wantsResult(command)) {
                log.info("run {} stage {} attempt {}: the run was cancelled, deleted or got this stage's result "
                        + "elsewhere; not evaluated", command.runId(), command.stage().slug(), command.attempt());
                return;
            }
            replies.answerOnce(CONSUMER, command, c -> guarded(c, evaluate(c)));
        }
    }

    /** The decisions are stored only while the run still wants them, asked under a lock on the run. */
    private Reply guarded(EvaluateStrategies command, Reply reply) {
        return new Reply(reply.outcome(), () -> {
            if (liveness.wantsResultLocked(command)) {
                reply.writes().run();
            } else {
                log.info("run {} stage {} attempt {}: the run no longer wants this result; nothing stored",
                        command.runId(), command.stage().slug(), command.attempt());
            }
        });
    }

    private Reply evaluate(EvaluateStrategies command) {
        List<EvaluationStore.Candidate> candidates = store.candidates(command.mediaId(), command.runId());
        if (candidates.isEmpty()) {
            // stage 8 of this run deleted the item's earlier candidates (and their proven entries): nothing to store
            String why = command.generationNotes().isEmpty() ? "stage 8 generated no candidate"
                    : String.join("; ", command.generationNotes());
            return Reply.of(StrategiesEvaluated.of(command, List.of(), List.of(), List.of("no strategy: " + why)));
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
                () -> store.record(command.mediaId(), command.runId(), decided, clock.instant()));
    }
}
