package io.tradingedu.orchestrator.llama;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What is kept of a model's reply: only sentences that cite, and share a word with, a passage it was given. */
class GroundedSummaryTest {

    static final List<String> PASSAGES = List.of(
            "The RSI measures momentum between 0 and 100; under 30 it is oversold.",
            "The strategy wins most trades in a range, except in bear markets, when it always loses.",
            "Exit when the price closes above the 5-day moving average.");

    private static GroundedSummary grounded(String reply) {
        return GroundedSummary.of(reply, PASSAGES, "RSI").orElseThrow();
    }

    @Test
    void keepsCitedSentencesWithTheirPassageNumbersInOrderFirstCited() {
        GroundedSummary summary = grounded("Buy when RSI(2) is oversold, under 30 [1]. Exit above the 5-day "
                + "average [3, 1].");

        assertThat(summary.text()).isEqualTo("Buy when RSI(2) is oversold, under 30 [1]. Exit above the 5-day "
                + "average [3].");
        assertThat(summary.cited()).containsExactly(1, 3);
        assertThat(summary.dropped()).isZero();
        assertThat(summary.removed()).isZero();
        assertThat(summary.unsupported()).isEqualTo(1);
    }

    @Test
    void aMarkerAfterTheFullStopBelongsToTheSentenceBeforeIt() {
        GroundedSummary summary = grounded("RSI under 30 is oversold. [1] It wins in a range.[2] Exit above the "
                + "moving average! [3]");

        assertThat(summary.text()).isEqualTo("RSI under 30 is oversold. [1] It wins in a range.[2] Exit above the "
                + "moving average! [3]");
        assertThat(summary.cited()).containsExactly(1, 2, 3);
        assertThat(summary.dropped()).isZero();
    }

    @Test
    void aMarkerInsideASentenceDoesNotEndIt() {
        GroundedSummary wins = grounded("It wins [9][2] always.");
        assertThat(wins.text()).isEqualTo("It wins [2] always.");
        assertThat(wins.removed()).isEqualTo(1);
        assertThat(wins.dropped()).isZero();

        assertThat(grounded("The strategy works [2] except in bear markets.").text())
                .isEqualTo("The strategy works [2] except in bear markets.");
        assertThat(grounded("RSI(2) under 0.5, e.g. deeply oversold, is rare [1].").text())
                .isEqualTo("RSI(2) under 0.5, e.g. deeply oversold, is rare [1].");
    }

    @Test
    void aLeadingMarkerCitesItsOwnSentenceAndMarkersAloneAreNoSentence() {
        GroundedSummary summary = grounded("[1] The RSI measures momentum. Guaranteed profits every day.");

        assertThat(summary.text()).isEqualTo("[1] The RSI measures momentum.");
        assertThat(summary.dropped()).isEqualTo(1);

        // "[1]. [2]" is one fragment of markers (the second follows the first's end), " ." is punctuation alone
        GroundedSummary bare = grounded("[1]. [2] . The RSI measures momentum [1].");
        assertThat(bare.text()).isEqualTo("The RSI measures momentum [1].");
        assertThat(bare.dropped()).isEqualTo(1);
        assertThat(GroundedSummary.of("[1] [2]", PASSAGES, "RSI")).isEmpty();
    }

    @Test
    void markersOfPassagesNotGivenAreRemovedWhateverTheirDigits() {
        GroundedSummary summary = grounded("It wins every trade [1000][2]. It is oversold under 30 [99999999999, 1]. "
                + "Exit above the average [007].");

        assertThat(summary.text()).isEqualTo("It wins every trade [2]. It is oversold under 30 [1].");
        assertThat(summary.removed()).isEqualTo(3);
        assertThat(summary.dropped()).isEqualTo(1);
        assertThat(summary.cited()).containsExactly(2, 1);
    }

    @Test
    void rangesAreExpandedWhenTheyLieWithinThePassages() {
        GroundedSummary summary = grounded("The RSI strategy closes above oversold readings, exits above the "
                + "average and wins in a range [1-3]. It trades momentum [2-4].");

        assertThat(summary.text()).isEqualTo("The RSI strategy closes above oversold readings, exits above the "
                + "average and wins in a range [1][2][3].");
        assertThat(summary.removed()).isEqualTo(1);
    }

    @Test
    void aCitationOfAPassageSharingNoWordWithTheSentenceIsRemoved() {
        // only the keyword and stop words in common: the sentence is pinned on a passage that does not say it
        GroundedSummary summary = grounded("Guaranteed profits every day with the RSI [1]. The RSI is oversold "
                + "under 30 [1][3].");

        assertThat(summary.text()).isEqualTo("The RSI is oversold under 30 [1].");
        assertThat(summary.unsupported()).isEqualTo(2);
        assertThat(summary.dropped()).isEqualTo(1);
    }

    @Test
    void sentencesLeftUncitedAreDroppedAndAReplyCitingNothingValidIsNoSummary() {
        GroundedSummary summary = grounded("RSI measures momentum [1][7]. Always trade with a stop [9]. "
                + "Most traders lose money. The strategy loses in bear markets [2].");
        assertThat(summary.text()).isEqualTo("RSI measures momentum [1]. The strategy loses in bear markets [2].");
        assertThat(summary.dropped()).isEqualTo(2);
        assertThat(summary.removed()).isEqualTo(2);

        assertThat(GroundedSummary.of("RSI is an oscillator. It ranges from 0 to 100.", PASSAGES, "RSI")).isEmpty();
        assertThat(GroundedSummary.of("RSI is an oscillator [4]. [0]", PASSAGES, "RSI")).isEmpty();
        assertThat(GroundedSummary.of("  ", PASSAGES, "RSI")).isEmpty();
        assertThat(GroundedSummary.of(null, PASSAGES, "RSI")).isEmpty();
    }

    @Test
    void aRamblingReplyIsCutAtASentence() {
        String sentence = "The RSI is oversold under 30 [1]. ";
        GroundedSummary summary = grounded(sentence.repeat(200));

        assertThat(summary.text().length()).isLessThanOrEqualTo(GroundedSummary.MAX_CHARS);
        assertThat(summary.text()).endsWith("[1].");
    }
}
