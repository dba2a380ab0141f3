package io.tradingedu.embeddings.index;

import io.tradingedu.embeddings.model.EmbeddingException;
import io.tradingedu.embeddings.model.SentenceEmbedder;
import io.tradingedu.embeddings.passage.AnalysisReader;
import io.tradingedu.embeddings.passage.LessonAnalysis;
import io.tradingedu.embeddings.passage.PassageTexts;
import io.tradingedu.embeddings.passage.Passage;
import io.tradingedu.embeddings.passage.PassageBuilder;
import io.tradingedu.embeddings.passage.PassageBuilder.Passages;
import io.tradingedu.embeddings.passage.PassageKind;
import io.tradingedu.shared.pipeline.EmbedMedia;
import io.tradingedu.shared.pipeline.MediaEmbedded;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.StageFailed;
import io.tradingedu.support.messaging.StageReplies;
import io.tradingedu.support.messaging.StageReplies.Reply;
import java.util.ArrayList;
import java.util.List;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The stage 6 worker: reads what stages 2–5 stored, cuts it into passages, embeds them outside any transaction and
 * replaces the media item's passages together with the outcome ({@link StageReplies}). A lesson with nothing to index
 * (no speech, no text on screen) succeeds with zero passages and says why. The outcome also carries the transcript
 * passages' {@link TopicSpread} for stage 7. A model failure is a retryable
 * {@link StageFailed} with its reason; a database error goes to the Kafka error handler (retried, then dead-lettered).
 */
@Component
class EmbedMediaWorker {

    static final String CONSUMER = "embeddings-worker";

    private final AnalysisReader analysis;
    private final PassageBuilder builder;
    private final SentenceEmbedder embedder;
    private final PassageStore store;
    private final StageReplies replies;

    EmbedMediaWorker(AnalysisReader analysis, PassageBuilder builder, SentenceEmbedder embedder, PassageStore store,
                     StageReplies replies) {
        this.analysis = analysis;
        this.builder = builder;
        this.embedder = embedder;
        this.store = store;
        this.replies = replies;
    }

    @KafkaListener(id = CONSUMER, topics = "#{T(io.tradingedu.shared.pipeline.PipelineStage).EMBEDDINGS.commandsTopic()}",
            groupId = CONSUMER, properties = {"max.poll.records=1", "max.poll.interval.ms=600000"})
    void onCommand(String json) {
        if (PipelineMessages.fromJson(json) instanceof EmbedMedia command) {
            replies.answerOnce(CONSUMER, command, this::answer);
        }
    }

    private Reply answer(EmbedMedia command) {
        long started = System.nanoTime();
        LessonAnalysis lesson = analysis.read(command.mediaId());
        Passages passages = builder.build(lesson);
        List<List<String>> parts = passages.passages().stream().map(Passage::parts).toList();
        List<String> texts = PassageTexts.of(lesson.title(),
                passages.passages().stream().map(Passage::text).toList(), parts);
        List<float[]> all;
        try {
            all = texts.isEmpty() ? List.of() : embedder.embedAll(texts);
        } catch (EmbeddingException e) {
            // the model failed on this lesson: say so to the orchestrator, which retries by its policy
            return Reply.of(StageFailed.of(command, "embedding " + texts.size() + " passages failed: "
                    + e.getMessage(), true));
        }
        PassageTexts.Vectors vectors = PassageTexts.split(all, parts);
        double seconds = (System.nanoTime() - started) / 1e9;
        MediaEmbedded outcome = MediaEmbedded.of(command, embedder.modelName(),
                (int) passages.count(PassageKind.TRANSCRIPT), (int) passages.count(PassageKind.FRAME),
                (int) passages.count(PassageKind.CLIP), seconds, passages.notes(),
                TopicSpread.of(transcriptVectors(passages.passages(), vectors.wholes())));
        var embedded = new PassageStore.Embedded(passages.passages(), vectors.wholes(), vectors.parts(),
                embedder.modelName(), embedder.dimension());
        return new Reply(outcome, () -> store.replace(command.mediaId(), embedded));
    }

    /** The whole-passage vectors of the transcript windows: what the lesson says, not its slides or clips. */
    private static List<float[]> transcriptVectors(List<Passage> passages, List<float[]> wholes) {
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            if (passages.get(i).kind() == PassageKind.TRANSCRIPT) {
                vectors.add(wholes.get(i));
            }
        }
        return vectors;
    }
}
