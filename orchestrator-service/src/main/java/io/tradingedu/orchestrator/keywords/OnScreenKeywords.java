package io.tradingedu.orchestrator.keywords;

import io.tradingedu.orchestrator.media.Checkpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keywords in the OCR text of sampled frames, counted once per appearance on screen.
 * <p>
 * A slide or chart label usually stays up for many sampled frames; counting it in every frame would make a term
 * that was merely left on screen look like the lesson's focus. So a term found in consecutive frames (in time order,
 * each frame the next sample after the previous) is one hit: start, matched text, confidence and context from the
 * first frame of the run, end at the time of the first frame that no longer shows it. A run reaching the last
 * frame ends one sampling interval later (the median gap between frames, or {@value #SINGLE_FRAME_SECONDS} s when
 * there is only one frame). A frame where OCR missed the term breaks the run, so the term counts again when it
 * is read again. Several mentions of a term in one frame (a title and a bullet) are one hit.
 * <p>
 * Confidence: the frame's OCR confidence (1.0 when unknown) times the match quality.
 */
final class OnScreenKeywords {

    static final double SINGLE_FRAME_SECONDS = 2.0;

    private final KeywordMatcher matcher;

    OnScreenKeywords(KeywordMatcher matcher) {
        this.matcher = matcher;
    }

    private static final class Run {
        final FrameText first;
        final KeywordMatch match;

        Run(FrameText first, KeywordMatch match) {
            this.first = first;
            this.match = match;
        }
    }

    List<KeywordHit> hits(List<FrameText> unordered, Checkpoint checkpoint) throws InterruptedException {
        List<FrameText> frames = unordered.stream().sorted(Comparator.comparingDouble(FrameText::timeSeconds)).toList();
        double tail = samplingInterval(frames);
        List<KeywordHit> hits = new ArrayList<>();
        Map<String, Run> open = new LinkedHashMap<>();
        for (FrameText frame : frames) {
            checkpoint.check();
            Map<String, KeywordMatch> shown = new LinkedHashMap<>();
            for (KeywordMatch match : matcher.match(frame.text())) {
                shown.putIfAbsent(match.term().canonical(), match);
            }
            Map<String, Run> stillOpen = new LinkedHashMap<>();
            for (Map.Entry<String, Run> run : open.entrySet()) {
                if (shown.containsKey(run.getKey())) {
                    stillOpen.put(run.getKey(), run.getValue());
                } else {
                    hits.add(close(run.getValue(), frame.timeSeconds()));
                }
            }
            shown.forEach((keyword, match) -> stillOpen.putIfAbsent(keyword, new Run(frame, match)));
            open = stillOpen;
        }
        double after = frames.getLast().timeSeconds() + tail;
        open.values().forEach(run -> hits.add(close(run, after)));
        return hits;
    }

    private static KeywordHit close(Run run, double end) {
        FrameText frame = run.first;
        double confidence = (frame.confidence() == null ? 1.0 : frame.confidence()) * run.match.quality();
        return KeywordLocator.hit(run.match, frame.timeSeconds(), Math.max(frame.timeSeconds(), end), confidence,
                Contexts.around(frame.text(), run.match.start(), run.match.end()), KeywordHit.OCR, frame.frameId());
    }

    private static double samplingInterval(List<FrameText> frames) {
        double[] gaps = new double[frames.size() - 1];
        for (int i = 1; i < frames.size(); i++) {
            gaps[i - 1] = frames.get(i).timeSeconds() - frames.get(i - 1).timeSeconds();
        }
        double[] positive = Arrays.stream(gaps).filter(g -> g > 0).sorted().toArray();
        return positive.length == 0 ? SINGLE_FRAME_SECONDS : positive[positive.length / 2];
    }
}
