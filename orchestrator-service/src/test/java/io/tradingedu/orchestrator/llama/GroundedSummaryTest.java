package io.tradingedu.orchestrator.llama;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What is kept of a model's reply: only sentences that cite one of the passages it was given. */
class GroundedSummaryTest {

    @Test
    void keepsCitedSentencesWithTheirPassageNumbersInOrderFirstCited() {
        GroundedSummary summary = GroundedSummary.of("Buy when RSI(2) closes under 5 [2]. Exit above the 5-day "
                + "average [1, 2].", 3).orElseThrow();

        assertThat(summary.text()).isEqualTo("Buy when RSI(2) closes under 5 [2]. Exit above the 5-day average "
                + "[1][2].");
        assertThat(summary.cited()).containsExactly(2, 1);
        assertThat(summary.dropped()).isZero();
        assertThat(summary.removed()).isZero();
    }

    @Test
    void aMarkerAfterTheFullStopBelongsToTheSentenceBeforeIt() {
        GroundedSummary summary = GroundedSummary.of("RSI under 30 is oversold. [1] It works best in a range. [3]", 3)
                .orElseThrow();

        assertThat(summary.text()).isEqualTo("RSI under 30 is oversold. [1] It works best in a range. [3]");
        assertThat(summary.cited()).containsExactly(1, 3);
    }

    @Test
    void markersOfPassagesNotGivenAreRemovedAndSentencesLeftUncitedAreDropped() {
        GroundedSummary summary = GroundedSummary.of("RSI measures momentum [1][7]. Always trade with a stop [9]. "
                + "Most traders lose money. A reading above 70 is overbought [2].", 2).orElseThrow();

        assertThat(summary.text()).isEqualTo("RSI measures momentum [1]. A reading above 70 is overbought [2].");
        assertThat(summary.cited()).containsExactly(1, 2);
        assertThat(summary.dropped()).isEqualTo(2);
        assertThat(summary.removed()).isEqualTo(2);
    }

    @Test
    void aReplyThatCitesNothingValidIsNoSummary() {
        assertThat(GroundedSummary.of("RSI is an oscillator. It ranges from 0 to 100.", 3)).isEmpty();
        assertThat(GroundedSummary.of("RSI is an oscillator [4]. [0]", 3)).isEmpty();
        assertThat(GroundedSummary.of("  ", 3)).isEmpty();
        assertThat(GroundedSummary.of(null, 3)).isEmpty();
    }

    @Test
    void aRamblingReplyIsCutAtASentence() {
        String sentence = "The lesson repeats that a stop belongs below the swing low [1]. ";
        GroundedSummary summary = GroundedSummary.of(sentence.repeat(200), 1).orElseThrow();

        assertThat(summary.text().length()).isLessThanOrEqualTo(GroundedSummary.MAX_CHARS);
        assertThat(summary.text()).endsWith("[1].");
    }
}
