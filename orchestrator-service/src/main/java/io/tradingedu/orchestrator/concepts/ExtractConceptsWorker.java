package io.tradingedu.orchestrator.concepts;

import io.tradingedu.orchestrator.media.MediaStageRunner;
import io.tradingedu.orchestrator.media.StageWork.StageJob;
import io.tradingedu.orchestrator.media.WorkerRole;
import io.tradingedu.orchestrator.processvideo.FrameStore;
import io.tradingedu.orchestrator.processvideo.TranscriptStore;
import io.tradingedu.orchestrator.processvideo.transcript.Transcript;
import io.tradingedu.shared.pipeline.ConceptsExtracted;
import io.tradingedu.shared.pipeline.ExtractConcepts;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.StageFailed;
import io.tradingedu.support.messaging.StageReplies.Reply;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Stage 5: the trading concepts stated in the transcript and shown on screen, with their evidence. */
@Component
@WorkerRole
class ExtractConceptsWorker {

    static final String CONSUMER = "extract-concepts-worker";

    private final MediaStageRunner runner;
    private final TranscriptStore transcripts;
    private final FrameStore frames;
    private final ConceptStore store;
    private final ConceptExtractor extractor = new ConceptExtractor();

    ExtractConceptsWorker(MediaStageRunner runner, TranscriptStore transcripts, FrameStore frames,
                          ConceptStore store) {
        this.runner = runner;
        this.transcripts = transcripts;
        this.frames = frames;
        this.store = store;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, properties = "max.poll.records=1",
            topics = "#{T(io.tradingedu.shared.pipeline.PipelineStage).EXTRACT_CONCEPTS.commandsTopic()}")
    void onCommand(String json) {
        if (PipelineMessages.fromJson(json) instanceof ExtractConcepts command) {
            runner.submit(CONSUMER, CONSUMER, command, this::extract);
        }
    }

    private Reply extract(ExtractConcepts command, StageJob job) throws InterruptedException {
        Transcript transcript = transcripts.load(command.mediaId()).orElse(null);
        if (transcript == null) {
            return Reply.of(StageFailed.of(command, "no transcript stored for this media item: stage 2 "
                    + "(process-video) has to run first", false));
        }
        List<TextEvidence> evidence = ConceptEvidence.of(transcript, frames.load(command.mediaId()));
        job.checkpoint().check();
        List<Concept> concepts = extractor.extract(evidence);
        Map<String, Integer> byKind = new TreeMap<>();
        concepts.forEach(c -> byKind.merge(c.kind(), 1, Integer::sum));
        return new Reply(ConceptsExtracted.of(command, concepts.size(), byKind),
                () -> store.replace(command.mediaId(), concepts));
    }
}
