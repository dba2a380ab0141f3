package io.tradingedu.orchestrator.keywords;

import io.tradingedu.orchestrator.media.Checkpoint;
import io.tradingedu.orchestrator.processvideo.transcript.Transcript;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Stage 3's logic: where in a video trading terms are said (transcript) or shown (OCR text of sampled frames).
 * <p>
 * Speech: every mention is a hit, timed by its words (or interpolated, see {@link SegmentTiming}); source
 * {@value KeywordHit#SUBTITLE} for subtitle streams and sidecar files, {@value KeywordHit#TRANSCRIPT} for speech
 * recognisers. Confidence: the source's (see {@link TranscriptDocument#sourceConfidence}) times the match quality.
 * <p>
 * Screen: see {@link OnScreenKeywords}: a term that stays on screen over consecutive frames is one hit.
 * <p>
 * Thread-safe; building one is cheap once the matcher exists.
 */
public final class KeywordLocator {


    private static final Comparator<KeywordHit> BY_TIME = Comparator.comparingDouble(KeywordHit::start)
            .thenComparing(KeywordHit::source).thenComparing(KeywordHit::keyword);

    private final KeywordMatcher matcher;

    public KeywordLocator(KeywordMatcher matcher) {
        this.matcher = matcher;
    }

    public KeywordLocator(TradingLexicon lexicon) {
        this(new KeywordMatcher(lexicon));
    }

    /** The version of the lexicon behind the hits, to store beside them. */
    public String lexiconVersion() {
        return matcher.lexicon().version();
    }

    /**
     * All hits, spoken and on screen, ordered by start time. Pass every sampled frame in order, including frames
     * whose text is blank: a frame without the term is what ends its run on screen (see {@link OnScreenKeywords}).
     */
    public List<KeywordHit> locate(Transcript transcript, List<FrameText> frames) {
        try {
            return locate(transcript, frames, Checkpoint.NONE);
        } catch (InterruptedException e) {
            // Checkpoint.NONE never throws; only an interrupt flag could, and that stays set for the caller.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while locating keywords", e);
        }
    }

    /** As {@link #locate(Transcript, List)}, calling {@code checkpoint} between frames. */
    public List<KeywordHit> locate(Transcript transcript, List<FrameText> frames, Checkpoint checkpoint)
            throws InterruptedException {
        List<KeywordHit> hits = new ArrayList<>(inTranscript(transcript));
        checkpoint.check();
        hits.addAll(onScreen(frames, checkpoint));
        hits.sort(BY_TIME);
        return hits;
    }

    /** Every mention in the transcript, ordered by start time; none for a transcript without segments. */
    public List<KeywordHit> inTranscript(Transcript transcript) {
        if (transcript == null || transcript.segments().isEmpty()) {
            return List.of();
        }
        String source = transcript.fromSubtitles() ? KeywordHit.SUBTITLE : KeywordHit.TRANSCRIPT;
        TranscriptDocument document = new TranscriptDocument(transcript.segments());
        String text = document.text();
        List<KeywordHit> hits = new ArrayList<>();
        for (KeywordMatch match : matcher.match(text)) {
            double start = document.startAt(match.start());
            double end = Math.max(start, document.endAt(match.end()));
            double confidence = document.sourceConfidence(match.start(), match.end()) * match.quality();
            hits.add(hit(match, start, end, confidence, Contexts.around(text, match.start(), match.end()), source,
                    null));
        }
        hits.sort(BY_TIME);
        return hits;
    }

    /** One hit per term per stretch of consecutive frames showing it, ordered by start time. */
    public List<KeywordHit> onScreen(List<FrameText> frames, Checkpoint checkpoint) throws InterruptedException {
        if (frames == null || frames.isEmpty()) {
            return List.of();
        }
        List<KeywordHit> hits = new OnScreenKeywords(matcher).hits(frames, checkpoint);
        hits.sort(BY_TIME);
        return hits;
    }

    static KeywordHit hit(KeywordMatch match, double start, double end, double confidence, String context,
                          String source, UUID frameId) {
        LexiconTerm term = match.term();
        return new KeywordHit(term.canonical(), term.category().id(), match.matchedText(), seconds(start),
                seconds(end), confidence, context, source, frameId);
    }

    /** Millisecond precision: finer is noise, and it keeps stored times readable. */
    private static double seconds(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
