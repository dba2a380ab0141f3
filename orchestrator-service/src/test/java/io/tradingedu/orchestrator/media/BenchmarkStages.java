package io.tradingedu.orchestrator.media;

import io.tradingedu.orchestrator.clips.ClipBatch;
import io.tradingedu.orchestrator.clips.ClipCutter;
import io.tradingedu.orchestrator.clips.ClipHit;
import io.tradingedu.orchestrator.clips.ClipPlan;
import io.tradingedu.orchestrator.clips.ClipPlanner;
import io.tradingedu.orchestrator.clips.ClipProperties;
import io.tradingedu.orchestrator.clips.CutClip;
import io.tradingedu.orchestrator.concepts.Concept;
import io.tradingedu.orchestrator.concepts.ConceptExtractor;
import io.tradingedu.orchestrator.concepts.TextEvidence;
import io.tradingedu.orchestrator.keywords.FrameText;
import io.tradingedu.orchestrator.keywords.KeywordHit;
import io.tradingedu.orchestrator.keywords.KeywordLocator;
import io.tradingedu.orchestrator.keywords.TradingLexicon;
import io.tradingedu.orchestrator.processvideo.frames.FrameOcr;
import io.tradingedu.orchestrator.processvideo.frames.FrameProperties;
import io.tradingedu.orchestrator.processvideo.frames.FrameReader;
import io.tradingedu.orchestrator.processvideo.frames.FrameSampler;
import io.tradingedu.orchestrator.processvideo.frames.SampledFrame;
import io.tradingedu.orchestrator.processvideo.frames.TradingTextDetector;
import io.tradingedu.orchestrator.processvideo.transcript.TimedWord;
import io.tradingedu.orchestrator.processvideo.transcript.Transcriber;
import io.tradingedu.orchestrator.processvideo.transcript.Transcript;
import io.tradingedu.orchestrator.processvideo.transcript.TranscriptSegment;
import io.tradingedu.orchestrator.processvideo.transcript.TranscriptionProperties;
import io.tradingedu.orchestrator.tradingtext.TradingTextNormaliser;
import io.tradingedu.shared.pipeline.MediaProbe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Stages 2-5 as their workers run them, without Kafka or a database: each step is the worker's call on the stage
 * service with default settings, and the hand-over between stages is what the stores would give back. Where a
 * worker's glue is package-private (transcript normalisation, OCR text as concept evidence) it is repeated here the
 * same way.
 */
final class BenchmarkStages {

    private static final TradingTextNormaliser NORMALISER = new TradingTextNormaliser();

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
        return normalise(transcriber.transcribe(video, probe, ProgressListener.NONE, Checkpoint.NONE));
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
                readable(f), f.confidence())).toList();
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

    /** Transcript segments and the frames' text, merged per slide, as ExtractConceptsWorker builds its evidence. */
    List<Concept> concepts(Transcript transcript, List<FrameOcr> frames) {
        List<TextEvidence> evidence = new ArrayList<>();
        boolean subtitles = transcript.source().equals("subtitle-stream") || transcript.source().equals("sidecar");
        for (TranscriptSegment s : transcript.segments()) {
            double confidence = s.confidence() != null ? s.confidence() : subtitles ? 1.0 : 0.5;
            evidence.add(new TextEvidence(s.text(), s.start(), Math.max(s.start(), s.end()),
                    Math.clamp(confidence, 0.0, 1.0), "transcript"));
        }
        String previous = null;
        for (FrameOcr frame : frames) {
            String text = readable(frame).strip().replaceAll("\\s+", " ");
            double time = frame.frame().timeSeconds();
            if (text.isEmpty()) {
                previous = null;
            } else if (text.equals(previous)) {
                TextEvidence last = evidence.removeLast();
                evidence.add(new TextEvidence(last.text(), last.start(), time, last.confidence(), last.source()));
            } else {
                double confidence = frame.confidence() == null ? 0.5 : Math.clamp(frame.confidence(), 0.0, 1.0);
                evidence.add(new TextEvidence(text, time, time, confidence, "ocr"));
                previous = text;
            }
        }
        return extractor.extract(evidence);
    }

    private static String readable(FrameOcr frame) {
        return frame.problem() != null ? "" : frame.text();
    }

    /** What ProcessVideoWorker's TranscriptNormalisation does before storing the transcript. */
    private static Transcript normalise(Transcript transcript) {
        List<TranscriptSegment> segments = new ArrayList<>();
        for (TranscriptSegment segment : transcript.segments()) {
            List<TimedWord> words = segment.words().isEmpty() ? List.of() : NORMALISER.normaliseWords(segment.words()
                    .stream().map(w -> new TimedWord(w.text().strip(), w.start(), w.end(), w.confidence())).toList());
            String original = segment.text() == null ? "" : segment.text();
            String text = words.isEmpty() ? NORMALISER.normalise(original)
                    : String.join(" ", words.stream().map(TimedWord::text).filter(w -> !w.isEmpty()).toList());
            String raw = text.equals(original) ? segment.rawText() : original;
            segments.add(new TranscriptSegment(segment.start(), segment.end(), text, raw, segment.confidence(),
                    words));
        }
        return new Transcript(transcript.source(), transcript.language(), segments, transcript.notes());
    }
}
