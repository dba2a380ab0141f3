package io.tradingedu.orchestrator.processvideo.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PocketsphinxOutputTest {

    @Test
    void utterancesBecomeSegmentsWithoutFillersAndAlternativeMarks() {
        String stdout = """
                buy the dip
                <s> 0.090 0.140 0.999800
                buy 0.150 0.400 0.900000
                [NOISE] 0.410 0.500 0.500000
                the(2) 0.510 0.600 0.800000
                <sil> 0.610 0.700 0.650000
                dip 0.710 1.000 1.000100
                </s> 1.010 1.200 1.000000

                <s> 3.000 3.100 0.999000
                <sil> 3.110 3.200 0.900000
                </s> 3.210 3.300 1.000000
                stop 
                <s> 5.000 5.050 1.000000
                stop 5.060 5.500 0.700000
                </s> 5.510 5.600 1.000000
                """;

        List<TranscriptSegment> segments = PocketsphinxOutput.parse(stdout, 0);

        assertThat(segments).hasSize(2);
        TranscriptSegment first = segments.getFirst();
        assertThat(first.text()).isEqualTo("buy the dip");
        assertThat(first.start()).isEqualTo(0.15);
        assertThat(first.end()).isEqualTo(1.0);
        assertThat(first.words()).containsExactly(new TimedWord("buy", 0.15, 0.4, 0.9),
                new TimedWord("the", 0.51, 0.6, 0.8), new TimedWord("dip", 0.71, 1.0, 1.0));
        assertThat(first.confidence()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(segments.get(1).text()).isEqualTo("stop");
    }

    @Test
    void timesAreShiftedByWhereThePieceStarts() {
        var segment = PocketsphinxOutput.parse("<s> 0.0 0.1 1.0\nup 0.500 0.750 0.5\n</s> 0.8 0.9 1.0\n", 50).getFirst();

        assertThat(segment.start()).isCloseTo(50.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(segment.words().getFirst().end()).isCloseTo(50.75, org.assertj.core.data.Offset.offset(1e-9));
    }
}
