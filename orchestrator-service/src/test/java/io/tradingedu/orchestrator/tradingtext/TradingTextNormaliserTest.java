package io.tradingedu.orchestrator.tradingtext;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.orchestrator.processvideo.transcript.TimedWord;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TradingTextNormaliserTest {

    private final TradingTextNormaliser normaliser = new TradingTextNormaliser();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            the RSI is below thirty                        | the RSI is below 30
            fourteen                                       | 14
            two hundred                                    | 200
            one thousand five hundred                      | 1500
            fifteen hundred                                | 1500
            two hundred and fifty                          | 250
            twenty five                                    | 25
            twenty-five                                    | 25
            one point five                                 | 1.5
            zero point two                                 | 0.2
            one point two five                             | 1.25
            the two hundred day moving average             | the 200-day moving average
            fifty day moving average                       | 50-day moving average
            fifty-day moving average                       | 50-day moving average
            200 day moving average                         | 200-day moving average
            a fourteen period RSI                          | a 14-period RSI
            on the four hour chart                         | on the 4-hour chart
            the fifteen minute                             | the 15-minute
            on the one hour chart                          | on the 1-hour chart
            risk two percent                               | risk 2%
            two per cent of the account                    | 2% of the account
            2 percent                                      | 2%
            one percent                                    | 1%
            risk half a percent per trade                  | risk 0.5% per trade
            half a per cent                                | 0.5%
            a risk reward of one to three                  | a risk reward of 1:3
            three to one reward to risk                    | 3:1 reward to risk
            take profit at two R                           | take profit at 2R
            one R                                          | 1R
            two times the risk                             | 2 times the risk
            one times the ATR                              | 1 times the ATR
            two three                                      | 2 3
            one to three of them                           | one to 3 of them
            "Thirty, forty, fifty."                        | "30, 40, 50."
            "When the RSI dips under thirty, buy."         | "When the RSI dips under 30, buy."
            r s i                                          | RSI
            the m a c d line                               | the MACD line
            mac d crosses                                  | MACD crosses
            e m a                                          | EMA
            s m a                                          | SMA
            I think a t r stops work                       | I think ATR stops work
            v w a p                                        | VWAP
            o b v                                          | OBV
            a d x                                          | ADX
            c c i                                          | CCI
            r o c                                          | ROC
            the R.S.I. is low                              | the RSI is low
            "the r. s. i., then"                           | "the RSI, then"
            rsi and macd                                   | RSI and MACD
            """)
    void rewritesSpokenTradingLanguage(String spoken, String written) {
        assertThat(normaliser.normalise(spoken)).isEqualTo(written);
        assertThat(normaliser.normalise(written)).as("idempotent").isEqualTo(written);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            no one knows where it goes
            one of the best setups
            the one that works
            do it at once
            one day I decided to trade
            put a stop below the low
            a b c
            Ema said so
            "Apple, the S&P 500 and AAPL."
            the 200-day SMA with a 2% stop and 1:3 and 2R
            RSI(14) < 30 and MACD(12, 26, 9)
            I would say it is a good idea
            half of the time
            """)
    void leavesOrdinaryEnglishAndNormalisedTextAlone(String text) {
        assertThat(normaliser.normalise(text)).isEqualTo(text);
    }

    @Test
    void keepsWhitespaceBetweenUntouchedWords() {
        assertThat(normaliser.normalise("  the\trsi  is   at thirty \n")).isEqualTo("  the\tRSI  is   at 30 \n");
    }

    @Test
    void isIdempotent() {
        String once = normaliser.normalise("when the r s i dips under thirty with a two percent stop and a "
                + "risk reward of one to three on the two hundred day moving average");
        assertThat(once).isEqualTo("when the RSI dips under 30 with a 2% stop and a risk reward of 1:3 on the "
                + "200-day moving average");
        assertThat(normaliser.normalise(once)).isEqualTo(once);
    }

    @Test
    void mergedTimedWordsSpanTheirWordsAndTakeTheLowestConfidence() {
        List<TimedWord> words = List.of(
                new TimedWord("the", 0.0, 0.2, 0.9),
                new TimedWord("two", 0.2, 0.5, 0.8),
                new TimedWord("hundred", 0.5, 0.9, 0.6),
                new TimedWord("day", 0.9, 1.1, 0.95),
                new TimedWord("r", 1.2, 1.3, null),
                new TimedWord("s", 1.3, 1.4, 0.7),
                new TimedWord("i,", 1.4, 1.5, 0.75));

        List<TimedWord> result = normaliser.normaliseWords(words);

        assertThat(result).containsExactly(
                words.getFirst(),
                new TimedWord("200-day", 0.2, 1.1, 0.6),
                new TimedWord("RSI,", 1.2, 1.5, 0.7));
        assertThat(result.getFirst()).isSameAs(words.getFirst());
    }

    @Test
    void timedWordsWithoutConfidenceStayWithout() {
        List<TimedWord> result = normaliser.normaliseWords(List.of(
                new TimedWord(" fifty", 3.0, 3.4, null), new TimedWord(" percent", 3.4, 3.9, null)));

        assertThat(result).containsExactly(new TimedWord(" 50%", 3.0, 3.9, null));
    }

    @Test
    void timedWordsKeepOrdinaryOne() {
        List<TimedWord> words = List.of(new TimedWord("no", 0, 1, 0.9), new TimedWord("one", 1, 2, 0.9),
                new TimedWord("knows", 2, 3, 0.9));

        assertThat(normaliser.normaliseWords(words)).isEqualTo(words);
    }
}
