package io.tradingedu.orchestrator.processvideo.transcript;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Pronunciations traders use that cmudict lacks, merged into a copy of the dictionary for pocketsphinx.
 * <p>
 * Only words the language model already knows can gain anything: pocketsphinx's n-gram search never proposes a
 * dictionary word missing from the model, and {@code en-us.lm.bin} has no rsi, macd, sma, atr, vwap, fibonacci, doji
 * or ichimoku (added entries for them were measured to change nothing). Spoken acronyms of those come out as letters
 * ("r s i"), which the normaliser joins. What helps is a second pronunciation for known words that traders say
 * differently from the dictionary: EMA spelled out instead of "eema", ROI as letters, Bollinger with a soft g.
 */
final class TradingVocabulary {

    /** word → extra ARPAbet pronunciations. */
    static final Map<String, List<String>> PRONUNCIATIONS = Map.of(
            "ema", List.of("IY EH M EY"),
            "roi", List.of("AA R OW AY"),
            "bollinger", List.of("B AA L IH N JH ER"),
            "stochastic", List.of("S T AH K AE S T IH K"),
            "nasdaq", List.of("N AE S D AE K"),
            "spy", List.of("EH S P IY W AY"),
            "gdp", List.of("JH IY D IY P IY"));

    /**
     * Phrases trading teachers say, lower case, acronyms as the letters they are spoken as; the language model is
     * leaned towards them (see {@link TradingLanguageModel}). Curated from indicator, order and risk vocabulary, not
     * from test sentences; phrases with a word the model does not know are skipped.
     */
    static final List<String> PHRASES = List.of(
            // orders and risk
            "stop loss", "stop loss order", "trailing stop", "take profit", "profit target", "take partial profits",
            "risk reward", "risk reward ratio", "times the risk", "the risk", "position size", "percent of your account",
            "entry price", "the entry", "enter the trade", "exit the trade", "exit when", "enter when",
            "go long", "go short", "long position", "short position", "buy signal", "sell signal",
            // indicators, spoken as words or letters
            "moving average", "simple moving average", "exponential moving average", "the moving average",
            "relative strength index", "relative strength", "strength index", "the r s i", "r s i",
            "m a c d", "the m a c d", "signal line", "macd histogram", "e m a", "s m a", "a t r",
            "average true range", "bollinger bands", "upper bollinger band", "lower bollinger band", "upper band",
            "lower band", "stochastic oscillator", "fibonacci retracement", "volume weighted average price",
            // periods
            "fourteen day", "twenty day", "fifty day", "two hundred day", "fourteen period", "twenty period",
            "day moving average", "period moving average",
            // conditions
            "crosses above", "crosses below", "cross above", "cross below", "crossed above", "crossed below",
            "drops below", "falls below", "rises above", "breaks above", "breaks below", "closes above",
            "closes below", "price action",
            "overbought", "oversold", "above seventy", "below thirty", "above eighty", "below twenty",
            // structure
            "support and resistance", "support level", "resistance level", "trend line", "uptrend", "downtrend",
            "higher highs", "higher lows", "lower highs", "lower lows", "breakout", "pullback", "golden cross",
            "death cross", "candlestick", "hammer candle", "gap up", "gap down", "the open", "the close",
            "bars", "price bars");

    private TradingVocabulary() {
    }

    /** Writes the base dictionary plus the extra pronunciations, numbered after the existing alternatives. */
    static Path merge(Path baseDictionary, Path target) throws IOException {
        Map<String, Integer> variants = new HashMap<>();
        try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
             Stream<String> lines = Files.lines(baseDictionary, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                out.write(line);
                out.newLine();
                int space = line.indexOf(' ');
                if (space > 0) {
                    String word = line.substring(0, space).replaceFirst("\\(\\d+\\)$", "");
                    if (PRONUNCIATIONS.containsKey(word)) {
                        variants.merge(word, 1, Integer::sum);
                    }
                }
            }
            for (var entry : PRONUNCIATIONS.entrySet()) {
                int n = variants.getOrDefault(entry.getKey(), 0);
                for (String phones : entry.getValue()) {
                    n++;
                    out.write((n == 1 ? entry.getKey() : entry.getKey() + "(" + n + ")") + " " + phones);
                    out.newLine();
                }
            }
        }
        return target;
    }
}
