package io.tradingedu.embeddings.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicSpreadTest {

    @Test
    void identicalPassagesHaveNoSpread() {
        assertThat(TopicSpread.of(List.of(new float[] {0.6f, 0.8f}, new float[] {0.6f, 0.8f}))).isCloseTo(0.0,
                within(1e-9));
    }

    @Test
    void twoOrthogonalPassagesAreEachFortyFiveDegreesFromTheirCentroid() {
        // centroid (0.5, 0.5): cos 45° = 0.7071 for both, distance 1 - 0.7071
        assertThat(TopicSpread.of(List.of(new float[] {1, 0}, new float[] {0, 1})))
                .isCloseTo(1 - Math.sqrt(0.5), within(1e-9));
    }

    @Test
    void spreadIsTheMeanOfTheDistancesAndIgnoresVectorLength() {
        // centroid of (1,0), (2,0) [same direction, other length] and (0,1) is (1, 1/3):
        // cos to (1,0) = 1/sqrt(1 + 1/9) = 0.948683, to (0,1) = (1/3)/sqrt(10/9) = 0.316228
        double expected = ((1 - 0.9486833) * 2 + (1 - 0.3162278)) / 3;
        assertThat(TopicSpread.of(List.of(new float[] {1, 0}, new float[] {2, 0}, new float[] {0, 1})))
                .isCloseTo(expected, within(1e-6));
    }

    @Test
    void fewerThanTwoPassagesHaveNoSpread() {
        assertThat(TopicSpread.of(List.of())).isNull();
        assertThat(TopicSpread.of(List.<float[]>of(new float[] {1, 0}))).isNull();
        assertThat(TopicSpread.of(List.of(new float[] {0, 0}, new float[] {1, 0}))).isNull();
    }

    @Test
    void refusesVectorsOfDifferentDimensions() {
        assertThatThrownBy(() -> TopicSpread.of(List.of(new float[] {1, 0}, new float[] {1, 0, 0})))
                .hasMessageContaining("2 and 3 dimensions");
    }
}
