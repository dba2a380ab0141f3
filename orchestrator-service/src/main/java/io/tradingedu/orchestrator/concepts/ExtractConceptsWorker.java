package io.tradingedu.orchestrator.concepts;

import io.tradingedu.orchestrator.media.MediaStageRunner;
import io.tradingedu.orchestrator.media.StageWork.StageJob;
import io.tradingedu.orchestrator.media.WorkerRole;
import io.tradingedu.orchestrator.processvideo.FrameStore;
import io.tradingedu.orchestrator.processvideo.TranscriptStore;
import io.tradingedu.orchestrator.processvideo.transcript.Transcript;
import io.tradingedu.orchestrator.processvideo.transcript.TranscriptSegment;
import io.tradingedu.shared.pipeline.ConceptsExtracted;
import io.tradingedu.shared.pipeline.ExtractConcepts;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.StageFailed;
import io.tradingedu.support.messaging.StageReplies.Reply;
import java.util.ArrayList;
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

    /**
     * The frames' text as evidence; a slide that stays on screen over several sampled frames is one piece of
     * evidence spanning them, so its concepts are not repeated per frame.
     */
    static List<TextEvidence> onScreen(List<FrameStore.StoredFrame> frames) {
        List<TextEvidence> evidence = new ArrayList<>();
        String previous = null;
        for (FrameStore.StoredFrame frame : frames) {
            String text = frame.ocrText() == null ? "" : frame.ocrText().strip().replaceAll("\\s+", " ");
            if (text.isEmpty()) {
                previous = null;
                continue;
            }
            if (text.equals(previous)) {
                TextEvidence last = evidence.removeLast();
                evidence.add(new TextEvidence(last.text(), last.start(), frame.timeSeconds(), last.confidence(),
                        last.source()));
                continue;
            }
            double confidence = frame.ocrConfidence() == null ? 0.5 : Math.clamp(frame.ocrConfidence(), 0.0, 1.0);
            evidence.add(new TextEvidence(text, frame.timeSeconds(), frame.timeSeconds(), confidence, "ocr"));
            previous = text;
        }
        return evidence;
    }

    private Reply extract(ExtractConcepts command, StageJob job) throws InterruptedException {
        Transcript transcript = transcripts.load(command.mediaId()).orElse(null);
        if (transcript == null) {
            return Reply.of(StageFailed.of(command, "no transcript stored for this media item: stage 2 "
                    + "(process-video) has to run first", false));
        }
        List<TextEvidence> evidence = new ArrayList<>();
        boolean subtitles = transcript.source().equals("subtitle-stream") || transcript.source().equals("sidecar");
        for (TranscriptSegment s : transcript.segments()) {
            double confidence = s.confidence() != null ? s.confidence() : subtitles ? 1.0 : 0.5;
            evidence.add(new TextEvidence(s.text(), s.start(), Math.max(s.start(), s.end()),
                    Math.clamp(confidence, 0.0, 1.0), "transcript"));
        }
        evidence.addAll(onScreen(frames.load(command.mediaId())));
        job.checkpoint().check();
        List<Concept> concepts = extractor.extract(evidence);
        Map<String, Integer> byKind = new TreeMap<>();
        concepts.forEach(c -> byKind.merge(c.kind(), 1, Integer::sum));
        return new Reply(ConceptsExtracted.of(command, concepts.size(), byKind),
                () -> store.replace(command.mediaId(), concepts));
    }
}
