package io.tradingedu.orchestrator.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CuePhrasesTest {

    @Test
    void countsWholeWordsCaseInsensitively() {
        assertThat(CuePhrases.BULLISH.count("Bullish! The BULL market; bullishness is not a word here")).isEqualTo(2);
        assertThat(CuePhrases.BEARISH.count("a bear-flag, bears and a Sell-Off")).isEqualTo(2);
    }

    @Test
    void theLongestPhraseWinsAndPhrasesDoNotOverlap() {
        // "higher highs" once (not also "higher high"); "lower  lows" across two spaces
        assertThat(CuePhrases.BULLISH.count("higher highs and higher lows")).isEqualTo(2);
        assertThat(CuePhrases.BEARISH.count("lower  lows then lower high")).isEqualTo(2);
        assertThat(CuePhrases.EXPLANATIONS.count("That's why: because in other words")).isEqualTo(3);
    }

    @Test
    void questionsEndWithAQuestionMarkOrOpenLikeOneWhenUnpunctuated() {
        assertThat(CuePhrases.questions(List.of(
                "Is the trend up? Yes. Why do we wait for the close?",  // two by their question marks
                "what happens when it fails",                            // ASR text: opens with what
                "When RSI is below 30 buy.",                             // a rule, not a question
                "Whatever you do, keep the stop."))).isEqualTo(3);
    }
}
