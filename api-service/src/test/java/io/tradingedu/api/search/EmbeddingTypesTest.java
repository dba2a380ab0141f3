package io.tradingedu.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingedu.api.support.BadParameterException;
import org.junit.jupiter.api.Test;

class EmbeddingTypesTest {

    @Test
    void singularPluralAndCaseAllBecomeTheSingularLabel() {
        assertThat(EmbeddingTypes.normalise("transcript")).isEqualTo("transcript");
        assertThat(EmbeddingTypes.normalise("Transcripts")).isEqualTo("transcript");
        assertThat(EmbeddingTypes.normalise(" frames ")).isEqualTo("frame");
        assertThat(EmbeddingTypes.normalise("CLIPS")).isEqualTo("clip");
        assertThat(EmbeddingTypes.normalise("all")).isEqualTo("all");
    }

    @Test
    void severalAreKeptOnceInTheOrderGivenAndAllWins() {
        assertThat(EmbeddingTypes.normalise("clips,transcript,clip")).isEqualTo("clip,transcript");
        assertThat(EmbeddingTypes.normalise("frame,all")).isEqualTo("all");
    }

    @Test
    void absentOrBlankMeansNoFilter() {
        assertThat(EmbeddingTypes.normalise(null)).isNull();
        assertThat(EmbeddingTypes.normalise("  ")).isNull();
    }

    @Test
    void anythingElseIsABadParameterNamingEmbeddingType() {
        for (String bad : new String[] {"slides", "transcript,", "alls", "s", "frame,,clip"}) {
            assertThatThrownBy(() -> EmbeddingTypes.normalise(bad)).as(bad)
                    .isInstanceOfSatisfying(BadParameterException.class,
                            e -> assertThat(e.field()).isEqualTo("embedding_type"))
                    .hasMessageContaining("got '" + bad + "'");
        }
    }
}
