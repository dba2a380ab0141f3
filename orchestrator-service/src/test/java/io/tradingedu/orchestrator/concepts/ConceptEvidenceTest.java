package io.tradingedu.orchestrator.concepts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tradingedu.orchestrator.processvideo.FrameStore.StoredFrame;
import io.tradingedu.orchestrator.processvideo.transcript.Transcript;
import io.tradingedu.orchestrator.processvideo.transcript.TranscriptSegment;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConceptEvidenceTest {

    @Test
    void aSlideShownOverSeveralFramesIsOnePieceOfEvidenceAndABlankFrameEndsIt() {
        List<TextEvidence> evidence = ConceptEvidence.of(Transcript.none(List.of()), List.of(
                frame(0.5, "Buy when  RSI(14) < 30", 0.9), frame(10, "Buy when RSI(14) < 30", 0.8),
                frame(20, null, null), frame(30, "Buy when RSI(14) < 30", 0.7), frame(40, "Stop 2%", null)));

        assertThat(evidence).extracting(TextEvidence::text, TextEvidence::start, TextEvidence::end,
                TextEvidence::confidence).containsExactly(
                tuple("Buy when RSI(14) < 30", 0.5, 10.0, 0.9),
                tuple("Buy when RSI(14) < 30", 30.0, 30.0, 0.7),
                tuple("Stop 2%", 40.0, 40.0, 0.5));
    }

    @Test
    void subtitlesCountAsCertainAndARecognisersSegmentKeepsItsConfidence() {
        var cue = new TranscriptSegment(1, 4, "Stop loss 2%", null, null, List.of());
        var heard = new TranscriptSegment(1, 4, "stop loss 2%", null, 0.62, List.of());

        assertThat(ConceptEvidence.of(new Transcript("sidecar", "en", List.of(cue), List.of()), List.of()))
                .singleElement().extracting(TextEvidence::confidence).isEqualTo(1.0);
        assertThat(ConceptEvidence.of(new Transcript("pocketsphinx", "en", List.of(heard), List.of()), List.of()))
                .singleElement().extracting(TextEvidence::confidence).isEqualTo(0.62);
    }

    private static StoredFrame frame(double time, String text, Double confidence) {
        return new StoredFrame(UUID.randomUUID(), time, "scene", "/m/f.jpg", 1280, 720, text, confidence,
                text != null);
    }
}
