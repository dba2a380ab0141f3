package io.tradingedu.orchestrator.concepts;

import io.tradingedu.orchestrator.processvideo.FrameStore;
import io.tradingedu.orchestrator.processvideo.transcript.Transcript;
import io.tradingedu.orchestrator.processvideo.transcript.TranscriptSegment;
import java.util.ArrayList;
import java.util.List;

/**
 * What stage 5 reads concepts from: every transcript segment (subtitles count as certain, a recogniser's segment
 * without confidence as a coin toss), and the frames' text, where a slide that stays on screen over several sampled
 * frames is one piece of evidence spanning them, so its concepts are not repeated per frame.
 */
public final class ConceptEvidence {

    private static final double UNKNOWN_CONFIDENCE = 0.5;

    private ConceptEvidence() {
    }

    public static List<TextEvidence> of(Transcript transcript, List<FrameStore.StoredFrame> frames) {
        List<TextEvidence> evidence = new ArrayList<>();
        for (TranscriptSegment s : transcript.segments()) {
            double confidence = s.confidence() != null ? s.confidence()
                    : transcript.fromSubtitles() ? 1.0 : UNKNOWN_CONFIDENCE;
            evidence.add(new TextEvidence(s.text(), s.start(), Math.max(s.start(), s.end()),
                    Math.clamp(confidence, 0.0, 1.0), "transcript"));
        }
        evidence.addAll(onScreen(frames));
        return evidence;
    }

    static List<TextEvidence> onScreen(List<FrameStore.StoredFrame> frames) {
        List<TextEvidence> evidence = new ArrayList<>();
        String previous = null;
        for (FrameStore.StoredFrame frame : frames) {
            String text = frame.ocrText() == null ? "" : frame.ocrText().strip().replaceAll("\\s+", " ");
            if (text.isEmpty()) {
                previous = null;
            } else if (text.equals(previous)) {
                TextEvidence last = evidence.removeLast();
                evidence.add(new TextEvidence(last.text(), last.start(), frame.timeSeconds(), last.confidence(),
                        last.source()));
            } else {
                double confidence = frame.ocrConfidence() == null ? UNKNOWN_CONFIDENCE
                        : Math.clamp(frame.ocrConfidence(), 0.0, 1.0);
                evidence.add(new TextEvidence(text, frame.timeSeconds(), frame.timeSeconds(), confidence, "ocr"));
                previous = text;
            }
        }
        return evidence;
    }
}
