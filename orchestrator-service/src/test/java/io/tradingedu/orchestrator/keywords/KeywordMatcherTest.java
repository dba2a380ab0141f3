package io.tradingedu.orchestrator.keywords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordMatcherTest {

    private static final KeywordMatcher MATCHER = new KeywordMatcher(TradingLexicon.standard());

    private static List<String> terms(String text) {
        return MATCHER.match(text).stream().map(m -> m.term().canonical()).toList();
    }

    @Test
    void longestMatchWins() {
        assertThat(terms("the moving average convergence divergence histogram")).containsExactly("macd");
        assertThat(terms("read the volume profile first")).containsExactly("volume profile");
        assertThat(terms("use a stop limit order here")).containsExactly("stop limit order");
        assertThat(terms("a bullish engulfing candle at support")).containsExactly("bullish engulfing", "support");
        assertThat(terms("an inverse head and shoulders")).containsExactly("inverse head and shoulders");
    }

    @Test
    void findsCanonicalNamesAliasesAndAbbreviationsAtFullQuality() {
        List<KeywordMatch> matches = MATCHER.match("The relative strength index, or RSI, and the EMA crossing the MA");

        assertThat(matches).extracting(m -> m.term().canonical(), KeywordMatch::matchedText, KeywordMatch::kind)
                .containsExactly(tuple("rsi", "relative strength index", SpellingKind.ALIAS),
                        tuple("rsi", "RSI", SpellingKind.CANONICAL),
                        tuple("exponential moving average", "EMA", SpellingKind.ABBREVIATION),
                        tuple("moving average", "MA", SpellingKind.ABBREVIATION));
        assertThat(matches).allSatisfy(m -> assertThat(m.quality()).isEqualTo(1.0));
    }

    @Test
    void findsSpokenAndMisspelledVariantsAtLowerQuality() {
        List<KeywordMatch> matches = MATCHER.match(
                "the r s i and the are s i, the mac d and m a c d, bolinger bands and a stoploss");

        assertThat(matches).extracting(m -> m.term().canonical()).containsExactly(
                "rsi", "rsi", "macd", "macd", "bollinger bands", "stop loss");
        assertThat(matches).allSatisfy(m -> {
            assertThat(m.kind()).isEqualTo(SpellingKind.VARIANT);
            assertThat(m.quality()).isEqualTo(0.85);
        });
    }

    @Test
    void reportsOffsetsAndTextAsWrittenInTheOriginal() {
        String text = "Set your  Stop-Loss\u00a0below the low.";
        KeywordMatch match = MATCHER.match(text).getFirst();

        assertThat(match.term().canonical()).isEqualTo("stop loss");
        assertThat(text.substring(match.start(), match.end())).isEqualTo("Stop-Loss");
        assertThat(match.matchedText()).isEqualTo("Stop-Loss");
        assertThat(match.kind()).isEqualTo(SpellingKind.CANONICAL);
    }

    @Test
    void matchesWholeWordsOnly() {
        assertThat(terms("a supportive community")).isEmpty();
        assertThat(terms("unsupported claims")).isEmpty();
        assertThat(terms("the dojis")).containsExactly("doji");
        assertThat(terms("the hammered price")).isEmpty();
        assertThat(terms("14h until the open")).isEmpty();
        assertThat(terms("the 4h chart")).containsExactly("4-hour");
    }

    @Test
    void punctuationAndParametersEndAWord() {
        String text = "RSI(14) crossed 70, RSI, RSI14 and (RSI).";
        List<KeywordMatch> matches = MATCHER.match(text);
        int last = text.indexOf("(RSI)") + 1;

        assertThat(matches).extracting(KeywordMatch::start, KeywordMatch::end, KeywordMatch::matchedText)
                .containsExactly(tuple(0, 3, "RSI"), tuple(20, 23, "RSI"), tuple(25, 28, "RSI"),
                        tuple(last, last + 3, "RSI"));
        assertThat(terms("SMA50 over the EMA200")).containsExactly("simple moving average",
                "exponential moving average");
    }

    @Test
    void hyphensDashesAndLineBreaksEqualSpaces() {
        assertThat(terms("stop-loss, stop loss, stop \u2013 loss, stop\nloss, stop_loss")).containsExactly(
                "stop loss", "stop loss", "stop loss", "stop loss", "stop loss");
        assertThat(terms("on the four hour chart and the 4 hour")).containsExactly("4-hour", "4-hour");
        assertThat(terms("head-and-shoulders")).containsExactly("head and shoulders");
    }

    @Test
    void typographicApostrophesMatchPlainOnes() {
        assertThat(MATCHER.match("Bill Williams\u2019 Alligator")).singleElement().satisfies(m -> {
            assertThat(m.term().canonical()).isEqualTo("williams alligator");
            assertThat(m.matchedText()).isEqualTo("Williams\u2019 Alligator");
        });
        assertThat(MATCHER.match("the RSI\u2019s reading")).singleElement()
                .satisfies(m -> assertThat(m.matchedText()).isEqualTo("RSI"));
        assertThat(terms("good \u2018til cancelled")).containsExactly("good till cancelled");
    }

    @Test
    void ignoresCase() {
        assertThat(terms("HEAD AND SHOULDERS, Head And Shoulders, head and shoulders")).containsExactly(
                "head and shoulders", "head and shoulders", "head and shoulders");
        assertThat(terms("Fibonacci Retracement")).containsExactly("fibonacci retracement");
    }

    @Test
    void foldsCompatibilityCharactersFromOcr() {
        String text = "\ufb01bonacci levels on the \uff32\uff33\uff29";
        List<KeywordMatch> matches = MATCHER.match(text);

        assertThat(matches).extracting(m -> m.term().canonical(), KeywordMatch::matchedText).containsExactly(
                tuple("fibonacci", "\ufb01bonacci levels"), tuple("rsi", "\uff32\uff33\uff29"));
    }

    @Test
    void includesARegularPluralInTheMatch() {
        assertThat(MATCHER.match("two moving averages and tight stop losses")).extracting(KeywordMatch::matchedText)
                .containsExactly("moving averages", "stop losses");
        assertThat(terms("three pipes")).isEmpty();
    }

    @Test
    void twoLetterAbbreviationsCountOnlyInCapitals() {
        assertThat(terms("put the SL under the MA")).containsExactly("stop loss", "moving average");
        assertThat(terms("ma said I'll be fine, sl")).isEmpty();
    }

    @Test
    void matchesNeverOverlapAndEveryMentionCounts() {
        String text = "RSI above 70 is overbought; the RSI below 30 is oversold. Moving average convergence "
                + "divergence, bollinger band squeeze, volume profile, stop-limit order, risk/reward ratio of 1:3.";
        List<KeywordMatch> matches = MATCHER.match(text);

        assertThat(matches).extracting(m -> m.term().canonical()).containsExactly("rsi", "overbought", "rsi",
                "oversold", "macd", "volatility squeeze", "volume profile", "stop limit order", "risk reward ratio");
        for (int i = 1; i < matches.size(); i++) {
            assertThat(matches.get(i).start()).isGreaterThanOrEqualTo(matches.get(i - 1).end());
        }
    }

    @Test
    void aRejectedLongMatchDoesNotHideAShorterOne() {
        TradingLexicon small = TradingLexiconTest.read(TradingLexiconTest.lexiconJson("""
                {"term": "support", "category": "price_action"},
                {"term": "support level", "category": "price_action"}"""));
        KeywordMatcher matcher = new KeywordMatcher(small);

        assertThat(matcher.match("a support leveler")).extracting(m -> m.term().canonical())
                .containsExactly("support");
        assertThat(matcher.match("two support levels")).extracting(KeywordMatch::matchedText)
                .containsExactly("support levels");
    }

    @Test
    void emptyTextHasNoMatches() {
        assertThat(MATCHER.match("")).isEmpty();
        assertThat(MATCHER.match(null)).isEmpty();
        assertThat(MATCHER.match("   \n")).isEmpty();
    }
}
