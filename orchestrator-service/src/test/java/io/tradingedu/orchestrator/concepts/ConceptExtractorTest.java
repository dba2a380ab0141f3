package io.tradingedu.orchestrator.concepts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConceptExtractorTest {

    private final ConceptExtractor extractor = new ConceptExtractor();

    /**
     * Each sentence with every concept it must yield, and nothing else: {@code kind textForm [@role]}, separated by
     * {@code ;}. An empty expectation means no concept at all.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            when the RSI dips under thirty you want to be looking for longs | indicator RSI(14); condition RSI(14) < 30 @entry; direction direction: long
            the r s i is under twenty | indicator RSI(14); condition RSI(14) < 20
            Buy when the fifty day moving average crosses above the two hundred day. | indicator SMA(50); condition SMA(50) crosses above SMA(200) @entry; indicator SMA(200); direction direction: long
            Exit when RSI(14) is above 70. | indicator RSI(14); condition RSI(14) > 70 @exit
            Entry: RSI(14) < 30 | indicator RSI(14); condition RSI(14) < 30 @entry
            I use the MACD 12 26 9 on the daily chart. | indicator MACD(12, 26, 9); timeframe 1d
            Bollinger bands 20 2 work well here. | indicator BOLLINGER(20, 2)
            Set the ATR 14 for your stops. | indicator ATR(14)
            The fourteen period RSI is my favourite. | indicator RSI(14)
            Connors uses the RSI 2 for mean reversion. | indicator RSI(2)
            Sell short when price closes below the lower Bollinger band. | indicator BOLLINGER(20, 2); condition close < BOLLINGER(20, 2).lower @entry; direction direction: short
            If price closes above the upper band I exit. | condition close > BOLLINGER(20, 2).upper @exit
            Only take trades when price is above the two hundred day moving average. | indicator SMA(200); condition close > SMA(200) @filter
            When the RSI is oversold, look to buy. | indicator RSI(14); condition RSI(14) < 30 @entry
            The stochastic is overbought. | indicator STOCHASTIC(14, 3); condition STOCHASTIC(14, 3) > 80
            A golden cross is a classic buy signal. | condition SMA(50) crosses above SMA(200) @entry; indicator SMA(50); indicator SMA(200); direction direction: long
            The death cross is when the 50-day crosses below the 200-day. | condition SMA(50) crosses below SMA(200); indicator SMA(50); indicator SMA(200)
            When the MACD crosses above the signal line, go long. | indicator MACD(12, 26, 9); condition MACD(12, 26, 9) crosses above MACD(12, 26, 9).signal @entry; direction direction: long
            The MACD histogram crossing below zero is your exit. | indicator MACD(12, 26, 9); condition MACD(12, 26, 9).histogram crosses below 0 @exit
            When the 9 EMA crosses above the 21 EMA I get in. | indicator EMA(9); indicator EMA(21); condition EMA(9) crosses above EMA(21) @entry
            Go short when the RSI crosses below seventy. | indicator RSI(14); condition RSI(14) crosses below 70 @entry; direction direction: short
            Look for longs when the stochastic fourteen three drops below twenty. | indicator STOCHASTIC(14, 3); condition STOCHASTIC(14, 3) < 20 @entry; direction direction: long
            An ADX above 25 means a trend. | indicator ADX(14); condition ADX(14) > 25
            The two hundred day moving average is rising. | indicator SMA(200); condition SMA(200) rising over 1 bars
            The 20 and 50-day moving averages both point up. | indicator SMA(20); indicator SMA(50)
            On the one hour chart the price crosses above VWAP. | timeframe 1h; condition close crosses above VWAP(20); indicator VWAP(20)
            Put a stop loss of two percent below your entry. | risk_rule stop_loss: 2%
            Use a 2 ATR stop. | risk_rule stop_loss: 2 ATR; indicator ATR(14)
            A one point five ATR(14) stop loss. | risk_rule stop_loss: 1.5 ATR(14); indicator ATR(14)
            Take profit at two R. | risk_rule take_profit: 2R
            Target five percent and stop at two ATR. | risk_rule take_profit: 5%; risk_rule stop_loss: 2 ATR; indicator ATR(14)
            I aim for a risk reward of one to three. | risk_rule take_profit: 3R
            Never risk more than one percent of your account on a trade. | risk_rule size: risk 1%
            Risk 1% per trade with a 2% stop. | risk_rule size: risk 1%; risk_rule stop_loss: 2%
            Use a trailing stop of three percent. | risk_rule trailing_stop: 3%
            Close the trade after twenty bars if nothing happens. | risk_rule max_bars: 20
            Hold for a maximum of 10 days. | risk_rule max_bars: 10
            Never hold more than twenty bars. | risk_rule max_bars: 20
            We buy Apple when the RSI drops below thirty. | instrument AAPL; indicator RSI(14); condition RSI(14) < 30 @entry; direction direction: long
            This is a textbook head and shoulders. | chart_pattern head_and_shoulders
            Watch for an inverse head and shoulders on the four hour chart. | chart_pattern inverse_head_and_shoulders; timeframe 4h
            A bullish engulfing candle at support is a strong signal. | candlestick bullish_engulfing
            That hammer at the lows, and then a doji. | candlestick hammer; candlestick doji
            A bull flag after a double bottom. | chart_pattern bull_flag; chart_pattern double_bottom
            We trade the fifteen minute. | timeframe 15m
            I'm looking at Apple on the daily. | instrument AAPL; timeframe 1d
            The S and P five hundred is above its 200-day moving average. | instrument SPX; indicator SMA(200)
            $TSLA is trading at 250 right now. | instrument TSLA
            EUR/USD broke above resistance. | instrument EURUSD
            Bitcoin loves to run stops. | instrument BTC-USD
            AAPL stock is at 180. | instrument AAPL
            Volume weighted average price, or VWAP, is an intraday tool. | indicator VWAP(20)
            okay so on this chart of Tesla you can see the MACD crossing over the signal line and that's our entry | instrument TSLA; indicator MACD(12, 26, 9); condition MACD(12, 26, 9) crosses above MACD(12, 26, 9).signal @entry
            the stochastic crosses under eighty from above, that's your short | indicator STOCHASTIC(14, 3); condition STOCHASTIC(14, 3) crosses below 80 @entry; direction direction: short
            price closing under the 20 period EMA on the four hour means I'm out | condition close < EMA(20) @exit; indicator EMA(20); timeframe 4h
            we go long with a stop loss one ATR below the low | direction direction: long; risk_rule stop_loss: 1 ATR; indicator ATR(14)
            When the RSI is oversold buy, and sell when it is overbought. | indicator RSI(14); condition RSI(14) < 30 @entry; condition RSI(14) > 70 @exit
            I like to keep my risk to about half a percent per trade | risk_rule size: risk 0.5%
            let's look at the S&P 500 daily chart with the 10 and 20 EMAs | instrument SPX; timeframe 1d; indicator EMA(10); indicator EMA(20)
            No one knows where the market goes next. |
            Trading is a marathon, not a sprint. |
            One of the best things you can do is keep a journal. |
            I went over the numbers with my accountant. |
            Above all, stay disciplined. |
            Let me show you one more thing. |
            An apple a day keeps the doctor away. |
            One day I decided to quit my job. |
            """)
    void extractsStructuredConceptsFromSpokenSentences(String sentence, String expected) {
        List<String> expectedConcepts = expected == null ? List.of()
                : Arrays.stream(expected.split(";")).map(String::strip).toList();

        List<String> found = extractor.extract(List.of(new TextEvidence(sentence, 1, 2, 1, "transcript"))).stream()
                .map(ConceptExtractorTest::summary).toList();

        assertThat(found).containsExactlyInAnyOrderElementsOf(expectedConcepts);
    }

    static String summary(Concept c) {
        Object role = c.details().get("role");
        return c.kind() + " " + c.textForm() + (role == null ? "" : " @" + role);
    }

    @Test
    void indicatorDetailsNameTheParametersAndWhichWereAssumed() {
        List<Concept> concepts = extract("Use the RSI with MACD 12 26 9 and Bollinger bands 20 2.5");

        assertThat(concepts).extracting(Concept::name).containsExactly("RSI", "MACD", "BOLLINGER");
        assertThat(concepts.get(0).details()).isEqualTo(Map.of("params", Map.of("period", 14),
                "assumed", List.of("period")));
        assertThat(concepts.get(1).details()).isEqualTo(Map.of("params", Map.of("fast", 12, "slow", 26, "signal", 9)));
        assertThat(concepts.get(2).details()).isEqualTo(Map.of("params", Map.of("period", 20, "k", 2.5)));
        assertThat(concepts.get(2).textForm()).isEqualTo("BOLLINGER(20, 2.5)");
        assertThat(concepts.get(0).confidence()).isLessThan(concepts.get(1).confidence());
    }

    @Test
    void conditionDetailsCarryTheStrategyJsonAndWhatWasAssumed() {
        Concept oversold = extract("Buy when the RSI is oversold.").stream()
                .filter(c -> c.kind().equals("condition")).findFirst().orElseThrow();
        Concept explicit = extract("Buy when RSI(14) drops below 30.").stream()
                .filter(c -> c.kind().equals("condition")).findFirst().orElseThrow();

        assertThat(oversold.name()).isEqualTo("below");
        assertThat(oversold.details()).containsEntry("role", "entry")
                .containsEntry("assumed", List.of("period", "threshold"))
                .containsEntry("condition", Map.of("type", "below",
                        "left", Map.of("indicator", "RSI", "params", Map.of("period", 14.0)),
                        "right", Map.of("constant", 30.0)));
        assertThat(explicit.details()).doesNotContainKey("assumed");
        assertThat(oversold.confidence()).isLessThan(explicit.confidence());
    }

    @Test
    void riskRuleDetailsUseTheRiskFieldMeanings() {
        assertThat(extract("a stop loss of 2.5 percent").getFirst().details()).isEqualTo(Map.of("percent", 2.5));
        assertThat(extract("stop at 2 ATR(20)").getFirst().details())
                .isEqualTo(Map.of("atr_multiple", 2, "atr_period", 20));
        assertThat(extract("take profit at two times the risk").getFirst().details())
                .isEqualTo(Map.of("r_multiple", 2));
        assertThat(extract("three to one reward to risk").getFirst().details()).isEqualTo(Map.of("ratio", 3));
        assertThat(extract("risking half a percent, so 0.5% per trade").getFirst().details())
                .isEqualTo(Map.of("percent_of_account", 0.5));
        assertThat(extract("exit after 15 candles").getFirst().details()).isEqualTo(Map.of("bars", 15));
    }

    @Test
    void everyConceptCarriesItsEvidence() {
        List<Concept> concepts = extractor.extract(List.of(
                new TextEvidence("Buy when the RSI dips under thirty. Use a two percent stop.", 12.5, 19.0, 0.8,
                        "transcript"),
                new TextEvidence("4H chart\nSMA(50) crosses above SMA(200)", 30, 30, 0.5, "ocr")));

        Concept condition = concepts.stream().filter(c -> c.kind().equals("condition")).findFirst().orElseThrow();
        assertThat(condition.start()).isEqualTo(12.5);
        assertThat(condition.end()).isEqualTo(19.0);
        assertThat(condition.quote()).isEqualTo("Buy when the RSI dips under 30.");
        assertThat(condition.source()).isEqualTo("transcript");
        assertThat(condition.confidence()).isBetween(0.0, 0.8);
        Concept stop = concepts.stream().filter(c -> c.kind().equals("risk_rule")).findFirst().orElseThrow();
        assertThat(stop.quote()).isEqualTo("Use a 2% stop.");
        assertThat(stop.confidence()).isCloseTo(0.8 * 0.9, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(concepts).filteredOn(c -> c.source().equals("ocr")).extracting(ConceptExtractorTest::summary)
                .containsExactly("timeframe 4h", "indicator SMA(50)", "condition SMA(50) crosses above SMA(200)",
                        "indicator SMA(200)");
    }

    @Test
    void aConceptSaidTwiceInOneSentenceIsKeptOnceButAgainInTheNext() {
        List<Concept> concepts = extract("The RSI, yes the RSI, is key. The RSI again.");

        assertThat(concepts).extracting(Concept::quote)
                .containsExactly("The RSI, yes the RSI, is key.", "The RSI again.");
    }

    @Test
    void conceptsOfASentenceComeInTheOrderSaid() {
        assertThat(extract("On the daily chart of Apple, buy the double bottom with a 2% stop."))
                .extracting(Concept::kind)
                .containsExactly("timeframe", "instrument", "chart_pattern", "risk_rule");
    }

    @Test
    void rejectsEvidenceThatIsNotEvidence() {
        assertThatThrownBy(() -> new TextEvidence("x", 2, 1, 0.5, "ocr"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start <= end");
        assertThatThrownBy(() -> new TextEvidence("x", 0, 1, Double.NaN, "ocr"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confidence");
        assertThat(extractor.extract(List.of())).isEmpty();
    }

    private List<Concept> extract(String text) {
        return extractor.extract(List.of(new TextEvidence(text, 0, 1, 1, "transcript")));
    }
}
