package io.tradingedu.orchestrator.media;

import io.tradingedu.orchestrator.clips.ClipBatch;
import io.tradingedu.orchestrator.clips.ClipCutter;
import io.tradingedu.orchestrator.clips.ClipHit;
import io.tradingedu.orchestrator.clips.ClipPlan;
import io.tradingedu.orchestrator.clips.ClipPlanner;
import io.tradingedu.orchestrator.clips.ClipProperties;
import io.tradingedu.orchestrator.clips.CutClip;
import io.tradingedu.orchestrator.concepts.Concept;
import io.tradingedu.orchestrator.concepts.ConceptEvidence;
import io.tradingedu.orchestrator.concepts.ConceptExtractor;
import io.tradingedu.orchestrator.keywords.FrameText;
import io.tradingedu.orchestrator.keywords.KeywordHit;
import io.tradingedu.orchestrator.keywords.KeywordLocator;
import io.tradingedu.orchestrator.keywords.TradingLexicon;
import io.tradingedu.orchestrator.processvideo.FrameStore;
import io.tradingedu.orchestrator.processvideo.TranscriptNormalisation;
import io.tradingedu.orchestrator.processvideo.frames.FrameOcr;
import io.tradingedu.orchestrator.processvideo.frames.FrameProperties;
import io.tradingedu.orchestrator.processvideo.frames.FrameReader;
import io.tradingedu.orchestrator.processvideo.frames.FrameSampler;
import io.tradingedu.orchestrator.processvideo.frames.SampledFrame;
import io.tradingedu.orchestrator.processvideo.frames.TradingTextDetector;
import io.tradingedu.orchestrator.processvideo.transcript.Transcriber;
import io.tradingedu.orchestrator.processvideo.transcript.Transcript;
import io.tradingedu.orchestrator.processvideo.transcript.TranscriptionProperties;
import io.tradingedu.shared.pipeline.MediaProbe;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Stages 2-5 as their workers run them, without Kafka or a database: each step is the worker's call on the stage
 * service with default settings, and the hand-over between stages is what the stores would give back (transcript
 * normalisation and concept evidence through the workers' own TranscriptNormalisation and ConceptEvidence).
 */
final class BenchmarkStages {

    private final Transcriber transcriber = Transcriber.create(TranscriptionProperties.defaults());
    private final FrameSampler sampler = new FrameSampler(FrameProperties.defaults());
    private final FrameReader reader = new FrameReader(FrameProperties.defaults(), new TradingTextDetector());
    private final TradingLexicon lexicon = TradingLexicon.standard();
    private final KeywordLocator locator = new KeywordLocator(lexicon);
    private final ClipPlanner planner = new ClipPlanner(ClipProperties.defaults());
    private final ClipCutter cutter = new ClipCutter(ClipProperties.defaults());
    private final ConceptExtractor extractor = new ConceptExtractor();
    /** Not a stage default: measured beside it, since re-encoding is most of stage 4's time. */
    private final ClipCutter copyCutter = new ClipCutter(new ClipProperties(null, null, null, null, null, null, null,
            ClipProperties.CutMode.COPY, null, null, null, null, null));

    Transcript transcribe(Path video, MediaProbe probe) throws InterruptedException {
        return TranscriptNormalisation.apply(transcriber.transcribe(video, probe, ProgressListener.NONE, Checkpoint.NONE));
    }

    List<SampledFrame> sampleFrames(Path video, MediaProbe probe, Path dir) throws Exception {
        return sampler.sample(video, probe.durationSeconds(), dir, Checkpoint.NONE);
    }

    List<FrameOcr> readFrames(List<SampledFrame> frames) throws Exception {
        return reader.read(frames, Checkpoint.NONE, ProgressListener.NONE);
    }

    /** Every frame goes in, also blank ones, as DetectKeywordsWorker passes the stored frames. */
    List<KeywordHit> keywords(Transcript transcript, List<FrameOcr> frames) throws InterruptedException {
        List<FrameText> texts = frames.stream().map(f -> new FrameText(UUID.randomUUID(), f.frame().timeSeconds(),
                f.problem() != null ? "" : f.text(), f.confidence())).toList();
        return locator.locate(transcript, texts, Checkpoint.NONE);
    }

    ClipPlan planClips(List<KeywordHit> hits, double durationSeconds) {
        List<ClipHit> clipHits = hits.stream().map(h -> new ClipHit(h.keyword(), h.category(), h.start(), h.end(),
                h.confidence(), lexicon.importance(h.keyword()))).toList();
        return planner.plan(clipHits, durationSeconds);
    }

    /** The clips that were cut; a clip ffmpeg fails on is left out (the worker notes it). */
    List<CutClip> cutClips(Path video, ClipPlan plan, Path dir) throws Exception {
        return cutter.cutAll(video, plan.clips(), dir, Checkpoint.NONE, ProgressListener.NONE).clips().stream()
                .map(ClipBatch.Cut::clip).toList();
    }

    List<CutClip> cutClipsByStreamCopy(Path video, ClipPlan plan, Path dir) throws Exception {
        return copyCutter.cutAll(video, plan.clips(), dir, Checkpoint.NONE, ProgressListener.NONE).clips().stream()
                .map(ClipBatch.Cut::clip).toList();
    }

    /** The evidence ExtractConceptsWorker builds: transcript segments and the frames' text, merged per slide. */
    List<Concept> concepts(Transcript transcript, List<FrameOcr> frames) {
        List<FrameStore.StoredFrame> read = frames.stream().map(o -> new FrameStore.StoredFrame(UUID.randomUUID(),
                o.frame().timeSeconds(), o.frame().selection(), o.frame().image().toString(), o.frame().width(),
                o.frame().height(), o.problem() != null ? null : o.text(), o.confidence(), o.tradingText())).toList();
        return extractor.extract(ConceptEvidence.of(transcript, read));
    }
}
