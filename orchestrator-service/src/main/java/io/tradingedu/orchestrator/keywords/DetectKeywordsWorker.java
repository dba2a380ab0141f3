package io.tradingedu.orchestrator.keywords;

import io.tradingedu.orchestrator.media.MediaStageRunner;
import io.tradingedu.orchestrator.media.StageWork.StageJob;
import io.tradingedu.orchestrator.media.WorkerRole;
import io.tradingedu.orchestrator.processvideo.FrameStore;
import io.tradingedu.orchestrator.processvideo.TranscriptStore;
import io.tradingedu.orchestrator.processvideo.transcript.Transcript;
import io.tradingedu.shared.pipeline.DetectKeywords;
import io.tradingedu.shared.pipeline.KeywordsDetected;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.StageFailed;
import io.tradingedu.support.messaging.StageReplies.Reply;
import java.util.List;
import java.util.TreeMap;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Stage 3: the lexicon's terms located in the transcript and in the frames' text. */
@Component
@WorkerRole
class DetectKeywordsWorker {

    static final String CONSUMER = "detect-keywords-worker";

    private final MediaStageRunner runner;
    private final TranscriptStore transcripts;
    private final FrameStore frames;
    private final KeywordStore store;
    private final KeywordLocator locator;

    DetectKeywordsWorker(MediaStageRunner runner, TranscriptStore transcripts, FrameStore frames, KeywordStore store,
                         TradingLexicon lexicon) {
        this.runner = runner;
        this.transcripts = transcripts;
        this.frames = frames;
        this.store = store;
        this.locator = new KeywordLocator(lexicon);
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, properties = "max.poll.records=1",
            topics = "#{T(io.tradingedu.shared.pipeline.PipelineStage).DETECT_KEYWORDS.commandsTopic()}")
    void onCommand(String json) {
        if (PipelineMessages.fromJson(json) instanceof DetectKeywords command) {
            runner.submit(CONSUMER, CONSUMER, command, this::detect);
        }
    }

    private Reply detect(DetectKeywords command, StageJob job) throws InterruptedException {
        Transcript transcript = transcripts.load(command.mediaId()).orElse(null);
        if (transcript == null) {
            return Reply.of(StageFailed.of(command, "no transcript stored for this media item: stage 2 "
                    + "(process-video) has to run first", false));
        }
        // every frame, also those without text: a frame without the term is what ends its time on screen
        List<FrameText> texts = frames.load(command.mediaId()).stream()
                .map(f -> new FrameText(f.id(), f.timeSeconds(), f.ocrText() == null ? "" : f.ocrText(),
                        f.ocrConfidence())).toList();
        List<KeywordHit> hits = locator.locate(transcript, texts, job.checkpoint());
        KeywordCounts counts = KeywordCounts.of(hits);
        String version = locator.lexiconVersion();
        return new Reply(KeywordsDetected.of(command, version, hits.size(), counts.distinctKeywords(),
                new TreeMap<>(counts.byCategory())), () -> store.replace(command.mediaId(), hits, version));
    }
}
