package io.tradingedu.embeddings.index;

import io.tradingedu.embeddings.model.EmbeddingException;
import io.tradingedu.embeddings.model.SentenceEmbedder;
import io.tradingedu.embeddings.passage.AnalysisReader;
import io.tradingedu.embeddings.passage.LessonAnalysis;
import io.tradingedu.embeddings.passage.LessonTitle;
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
 * (no speech, no text on screen) succeeds with zero passages and says why. A model failure is a retryable
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
        // passages and their sentences in one call (the embedder batches them by length), each with its lesson's title
        List<String> texts = new ArrayList<>();
        for (Passage passage : passages.passages()) {
            texts.add(LessonTitle.context(lesson.title(), passage.text()));
            // a sentence stays itself: with the title it would lose what sets it apart (measured: recall fell)
            texts.addAll(passage.parts());
        }
        List<float[]> all;
        try {
            all = texts.isEmpty() ? List.of() : embedder.embedAll(texts);
        } catch (EmbeddingException e) {
            // the model failed on this lesson: say so to the orchestrator, which retries by its policy
            return Reply.of(StageFailed.of(command, "embedding " + texts.size() + " passages failed: "
                    + e.getMessage(), true));
        }
        List<float[]> vectors = new ArrayList<>();
        List<List<float[]>> partVectors = new ArrayList<>();
        int next = 0;
        for (Passage passage : passages.passages()) {
            vectors.add(all.get(next++));
            partVectors.add(all.subList(next, next + passage.parts().size()));
            next += passage.parts().size();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        MediaEmbedded outcome = MediaEmbedded.of(command, embedder.modelName(),
                (int) passages.count(PassageKind.TRANSCRIPT), (int) passages.count(PassageKind.FRAME),
                (int) passages.count(PassageKind.CLIP), seconds, passages.notes());
        var embedded = new PassageStore.Embedded(passages.passages(), vectors, partVectors, embedder.modelName(),
                embedder.dimension());
        return new Reply(outcome, () -> store.replace(command.mediaId(), embedded));
    }
}
