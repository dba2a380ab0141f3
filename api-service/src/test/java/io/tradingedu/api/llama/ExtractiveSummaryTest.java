package io.tradingedu.api.llama;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary without a model: which sentences are chosen, in which order, and which are left out. */
class ExtractiveSummaryTest {

    @Test
    void choosesSentencesNamingTheKeywordPreferringRulesAndNumbersEachCitingItsPassage() {
        List<ExtractiveSummary.Sentence> sentences = ExtractiveSummary.of("stop loss", List.of(
                "Welcome back to the channel. A stop loss protects you from large losses over time.",
                "Put the stop loss 2 ATR below your entry when you buy the breakout. Subscribe for more."));

        assertThat(sentences).extracting(ExtractiveSummary.Sentence::text).containsExactly(
                "Put the stop loss 2 ATR below your entry when you buy the breakout.",
                "A stop loss protects you from large losses over time.");
        assertThat(sentences).extracting(ExtractiveSummary.Sentence::citation).containsExactly(2, 1);
        assertThat(ExtractiveSummary.text(sentences)).isEqualTo("Put the stop loss 2 ATR below your entry when you "
                + "buy the breakout. [2] A stop loss protects you from large losses over time. [1]");
    }

    @Test
    void nearDuplicatesAcrossPassagesAreKeptOnceAndTheCountIsBounded() {
        String sentence = "The RSI below 30 means the market is oversold, so look to buy.";
        List<String> passages = List.of(sentence, sentence.replace("so look", "so you look"),
                "An RSI divergence warns of a reversal. The RSI period is usually fourteen bars. "
                        + "Traders exit when the RSI crosses back above 50. Short swings use a 2-period RSI instead. "
                        + "The RSI was invented by Welles Wilder in 1978. Crypto charts show the RSI too.");

        List<ExtractiveSummary.Sentence> sentences = ExtractiveSummary.of("RSI", passages);

        assertThat(sentences).hasSize(ExtractiveSummary.MAX_SENTENCES);
        assertThat(sentences).filteredOn(s -> s.text().contains("oversold")).singleElement()
                .satisfies(s -> assertThat(s.citation()).isEqualTo(1));
    }

    @Test
    void nothingIsChosenWhenNoSentenceNamesTheKeyword() {
        assertThat(ExtractiveSummary.of("MACD", List.of("The moving average turns up here. Buy it now please.")))
                .isEmpty();
    }

    @Test
    void aKeywordOfSeveralWordsMatchesAsAPhraseOrByAllItsWords() {
        List<ExtractiveSummary.Sentence> sentences = ExtractiveSummary.of("moving average", List.of(
                "Price above the moving average is an uptrend signal. The average price is moving fast today. "
                        + "Moving on to volume now."));

        assertThat(sentences).extracting(ExtractiveSummary.Sentence::text).containsExactly(
                "Price above the moving average is an uptrend signal.", "The average price is moving fast today.");
    }
}
