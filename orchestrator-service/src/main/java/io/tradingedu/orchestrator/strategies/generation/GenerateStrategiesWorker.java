package io.tradingedu.orchestrator.strategies.generation;

import io.tradingedu.orchestrator.media.MediaStageRunner;
import io.tradingedu.orchestrator.media.StageWork.StageJob;
import io.tradingedu.orchestrator.media.WorkerRole;
import io.tradingedu.shared.pipeline.GenerateStrategies;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.StrategiesGenerated;
import io.tradingedu.support.messaging.StageReplies.Reply;
import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Stage 8: the lesson's concepts become candidate strategies with their evidence. Runs through
 * {@link MediaStageRunner} (off the listener thread, with heartbeats) because a language model may take minutes.
 * A lesson with nothing tradable succeeds with no candidate and says why.
 */
@Component
@WorkerRole
class GenerateStrategiesWorker {

    static final String CONSUMER = "strategy-generation-worker";

    private final MediaStageRunner runner;
    private final LessonReader lessons;
    private final StrategyGenerator generator;
    private final StrategyStore store;
    private final Clock clock;

    GenerateStrategiesWorker(MediaStageRunner runner, LessonReader lessons, StrategyGenerator generator,
                             StrategyStore store, Clock clock) {
        this.runner = runner;
        this.lessons = lessons;
        this.generator = generator;
        this.store = store;
        this.clock = clock;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, properties = "max.poll.records=1",
            topics = "#{T(io.tradingedu.shared.pipeline.PipelineStage).STRATEGY_GENERATION.commandsTopic()}")
    void onCommand(String json) {
        if (PipelineMessages.fromJson(json) instanceof GenerateStrategies command) {
            runner.submit(CONSUMER, CONSUMER, command, this::generate);
        }
    }

    private Reply generate(GenerateStrategies command, StageJob job) throws InterruptedException {
        List<LessonConcept> concepts = lessons.concepts(command.mediaId());
        job.progress().progress("writing strategies from " + concepts.size() + " concepts");
        List<String> excerpts = lessons.transcript(command.mediaId(), LlmPrompts.MAX_EXCERPT_CHARS);
        job.checkpoint().check();
        Synthesis synthesis = generator.generate(concepts, excerpts, generator.defaultTemperature());
        job.checkpoint().check();
        List<LessonReader.ClipSpan> clips = lessons.clips(command.mediaId());
        List<Candidate> linked = synthesis.candidates().stream().map(c -> ClipLinks.link(c, clips)).toList();
        List<String> keys = IntStream.range(0, linked.size()).mapToObj(StrategyStore::key).toList();
        return new Reply(StrategiesGenerated.of(command, synthesis.source(), keys, synthesis.notes()),
                () -> store.replace(command.mediaId(), command.runId(), linked, clock.instant()));
    }
}
