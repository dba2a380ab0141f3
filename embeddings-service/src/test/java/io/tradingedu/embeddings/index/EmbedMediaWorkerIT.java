package io.tradingedu.embeddings.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradingedu.embeddings.EmbeddingsITSupport;
import io.tradingedu.embeddings.model.SentenceEmbedder;
import io.tradingedu.embeddings.passage.Passage;
import io.tradingedu.embeddings.passage.PassageKind;
import io.tradingedu.shared.pipeline.EmbedMedia;
import io.tradingedu.shared.pipeline.MediaDeleted;
import io.tradingedu.shared.pipeline.MediaEmbedded;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Stage 6 over the real Kafka and PostgreSQL: a lesson's passages in, replaced on re-runs, gone with the lesson. */
class EmbedMediaWorkerIT extends EmbeddingsITSupport {

    @Autowired
    PassageStore store;
    @Autowired
    SentenceEmbedder embedder;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void indexesTranscriptWindowsFramesAndClipsWithTheirModelAndReplacesThemOnARerun() {
        UUID slide = UUID.randomUUID();
        UUID clip = UUID.randomUUID();
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add(new Line(i * 6.0, i * 6.0 + 5.0, "Line " + i + " of the lesson about the RSI indicator."));
        }
        UUID media = store(new Lesson(lines,
                List.of(new Screen(slide, 33, "RSI(14) < 30 = oversold")),
                List.of(new Highlight(clip, 30, 50, List.of("RSI", "oversold"), "Line 5 of the lesson.")),
                List.of(new Mention("RSI", "technical_indicator", 31, null),
                        new Mention("oversold", "technical_indicator", 33, slide))));

        MediaEmbedded first = (MediaEmbedded) embed(media);

        assertThat(first.transcript()).isBetween(4, 8);
        assertThat(first.frames()).isEqualTo(1);
        assertThat(first.clips()).isEqualTo(1);
        // twenty lines on one topic: the windows' vectors lie close together, but not on one point
        assertThat(first.topicSpread()).isNotNull().isStrictlyBetween(0.0, 0.5);
        assertThat(first.model()).startsWith("all-minilm-l6-v2");
        assertThat(jdbc.queryForList("SELECT DISTINCT model || '/' || dimension FROM embeddings.passage "
                + "WHERE media_id = ?", String.class, media)).containsExactly(first.model() + "/384");
        assertThat(jdbc.queryForObject("SELECT vector_dims(embedding) FROM embeddings.passage WHERE media_id = ? "
                + "LIMIT 1", Integer.class, media)).isEqualTo(384);
        List<String> frameKeywords = jdbc.queryForObject(
                "SELECT keywords FROM embeddings.passage WHERE media_id = ? AND kind = 'frame'",
                (rs, n) -> List.of((String[]) rs.getArray(1).getArray()), media);
        assertThat(frameKeywords).containsExactlyInAnyOrder("rsi", "oversold");
        List<Long> before = ids(media);

        MediaEmbedded second = (MediaEmbedded) embed(media);

        assertThat(second.transcript()).isEqualTo(first.transcript());
        List<Long> after = ids(media);
        assertThat(after).hasSameSizeAs(before).doesNotContainAnyElementsOf(before);
    }

    @Test
    void aDeletedLessonLeavesTheIndexAndALateStageReplyDoesNotBringItBack() {
        UUID media = store(Lesson.ofLines(List.of(new Line(0, 5, "Stops go below the swing low."))));
        assertThat(((MediaEmbedded) embed(media)).topicSpread()).as("one passage has no spread").isNull();
        assertThat(ids(media)).hasSize(1);

        kafka.send(Topics.MEDIA_EVENTS, media.toString(), PipelineMessages.toJson(MediaDeleted.of(null, media)))
                .join();
        await().atMost(Duration.ofSeconds(30)).until(() -> ids(media).isEmpty());

        MediaEmbedded late = (MediaEmbedded) embed(media);
        assertThat(late.transcript()).isEqualTo(1);
        assertThat(ids(media)).isEmpty();
    }

    @Test
    void aDeletionThatArrivesWhileAReplyIsBeingWrittenStillRemovesTheLesson() throws Exception {
        UUID media = store(Lesson.ofLines(List.of(new Line(0, 5, "Risk one percent per trade."))));
        embed(media);
        var passages = new PassageStore.Embedded(List.of(new Passage(
                PassageKind.TRANSCRIPT, 0, null, 0, 5, 0, "Risk one percent per trade.",
                List.of(), List.of(), List.of())), List.of(embedder.embed("Risk one percent per trade.")),
                List.of(List.of()), embedder.modelName(), embedder.dimension());
        var replyWritten = new CountDownLatch(1);
        var deletionStarted = new CountDownLatch(1);
        Thread reply = Thread.ofPlatform().start(() -> transactions.executeWithoutResult(status -> {
            store.replace(media, passages);
            replyWritten.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> deletionStarted.getCount() == 0);
            sleepQuietly(500);   // the deletion is now waiting for this transaction
        }));
        replyWritten.await();
        Thread deletion = Thread.ofPlatform().start(() -> {
            deletionStarted.countDown();
            store.forget(media);
        });
        reply.join();
        deletion.join();

        assertThat(ids(media)).isEmpty();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aLessonWithNothingToIndexSucceedsAndSaysWhy() {
        UUID media = store(Lesson.ofLines(List.of()));

        MediaEmbedded outcome = (MediaEmbedded) embed(media);

        assertThat(outcome.transcript() + outcome.frames() + outcome.clips()).isZero();
        assertThat(outcome.notes()).containsExactly("no transcript");
        assertThat(outcome.summary()).contains("0 transcript passages").contains("no transcript");
    }

    @Test
    void aRedeliveredCommandIsAnsweredOnce() {
        UUID media = store(Lesson.ofLines(List.of(new Line(0, 5, "Scale out at two R."))));
        EmbedMedia command = EmbedMedia.of(UUID.randomUUID(), media, 1);

        send(command);
        awaitOutcome(command);
        send(command);

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> outcomes(command).size() == 1);
        assertThat(ids(media)).hasSize(1);
    }

    private List<Long> ids(UUID media) {
        return jdbc.queryForList("SELECT id FROM embeddings.passage WHERE media_id = ? ORDER BY id", Long.class, media);
    }
}
