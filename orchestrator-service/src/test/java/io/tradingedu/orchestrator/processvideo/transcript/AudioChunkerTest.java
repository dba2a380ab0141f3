package io.tradingedu.orchestrator.processvideo.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.orchestrator.processvideo.transcript.AudioChunker.Span;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioChunkerTest {

    @Test
    void cutsAtTheQuietestMomentNearEachTarget() {
        double[] rms = new double[1200];
        Arrays.fill(rms, 1000);
        rms[470] = 20;
        rms[530] = 10;
        rms[1020] = 5;

        List<Span> spans = AudioChunker.spans(rms, 120, 50);

        assertThat(spans).containsExactly(new Span(0, 53.05), new Span(53.05, 102.05), new Span(102.05, 120));
    }

    @Test
    void shortAudioStaysWhole() {
        assertThat(AudioChunker.spans(new double[550], 55, 50)).containsExactly(new Span(0, 55));
    }

    @Test
    void constantLoudnessCutsAtTheTarget() {
        double[] rms = new double[1000];
        Arrays.fill(rms, 300);

        List<Span> spans = AudioChunker.spans(rms, 100, 40);

        assertThat(spans).hasSize(3);
        assertThat(spans.get(0).end()).isCloseTo(40, org.assertj.core.data.Offset.offset(0.11));
        assertThat(spans.get(1).end()).isCloseTo(80, org.assertj.core.data.Offset.offset(0.21));
        assertThat(spans.get(2).end()).isEqualTo(100);
    }
}
