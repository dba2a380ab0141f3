package io.tradingedu.orchestrator.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FeatureSetTest {

    @Test
    void refusesNamesOutsideTheCatalogueTwiceComputedOnesAndForgottenOnes() {
        assertThatThrownBy(() -> new FeatureSet.Builder().put("vibes", 1)).hasMessageContaining("not a feature");
        assertThatThrownBy(() -> new FeatureSet.Builder().put("clips", 1).put("clips", 2))
                .hasMessageContaining("clips computed twice");
        assertThatThrownBy(() -> new FeatureSet.Builder().put("clips", 1).build())
                .hasMessageContaining("features not computed").hasMessageContaining("topic_spread");
        assertThatThrownBy(() -> new FeatureSet.Builder().put("clips", null)).hasMessageContaining("unknown(");
        assertThatThrownBy(() -> new FeatureSet.Builder().put("speech_share", Double.NaN))
                .hasMessageContaining("NaN");
    }

    @Test
    void roundsToSixDecimalsAndRecordsWhyAValueIsNull() {
        var builder = new FeatureSet.Builder().put("speech_share", 0.1 + 0.2).ratio("keyword_diversity", 1, 0,
                "no keyword hits");
        FeatureCatalogue.NAMES.stream().filter(n -> !n.equals("speech_share") && !n.equals("keyword_diversity"))
                .forEach(n -> builder.put(n, 0));
        FeatureSet set = builder.build();

        assertThat(set.values()).containsEntry("speech_share", 0.3).containsEntry("keyword_diversity", null);
        assertThat(set.notes()).containsExactly("keyword_diversity: no keyword hits");
    }
}
