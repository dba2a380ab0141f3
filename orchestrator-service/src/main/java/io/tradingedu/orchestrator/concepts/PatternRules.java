package io.tradingedu.orchestrator.concepts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chart patterns (kind {@code chart_pattern}) and candlestick patterns (their own kind {@code candlestick}: a
 * one-to-three-bar shape is a different thing to test for than a multi-week formation, and the strategy stage treats
 * them differently). The more specific name wins where two overlap ("inverse head and shoulders", "bullish
 * engulfing"). Numbers were normalised to digits, hence "3 white soldiers".
 */
final class PatternRules {

    private record Entry(String kind, String name, Pattern pattern) {
    }

    private static final List<Entry> PATTERNS = List.of(
            chart("inverse_head_and_shoulders", "(?:inverse|inverted|reverse) head[- ]and[- ]shoulders"),
            chart("head_and_shoulders", "head[- ]and[- ]shoulders|h&s"),
            chart("double_top", "double tops?"),
            chart("double_bottom", "double bottoms?"),
            chart("triple_top", "triple tops?"),
            chart("triple_bottom", "triple bottoms?"),
            chart("bull_flag", "bull(?:ish)? flags?"),
            chart("bear_flag", "bear(?:ish)? flags?"),
            chart("pennant", "pennants?"),
            chart("ascending_triangle", "ascending triangles?"),
            chart("descending_triangle", "descending triangles?"),
            chart("symmetrical_triangle", "symmetric(?:al)? triangles?"),
            chart("cup_and_handle", "cup[- ]and[- ]handle|cup with (?:a )?handle"),
            chart("rising_wedge", "rising wedges?"),
            chart("falling_wedge", "falling wedges?"),
            chart("wedge", "wedges?"),
            chart("rounding_bottom", "rounding bottoms?"),
            candle("bullish_engulfing", "bullish engulfing"),
            candle("bearish_engulfing", "bearish engulfing"),
            candle("engulfing", "engulfing (?:candles?|bars?|patterns?)|engulfing"),
            candle("inverted_hammer", "inverted hammers?"),
            candle("hammer", "hammers?"),
            candle("shooting_star", "shooting stars?"),
            candle("hanging_man", "hanging man"),
            candle("dragonfly_doji", "dragonfly doji"),
            candle("gravestone_doji", "gravestone doji"),
            candle("doji", "dojis?"),
            candle("morning_star", "morning stars?"),
            candle("evening_star", "evening stars?"),
            candle("piercing_line", "piercing (?:line|pattern)"),
            candle("dark_cloud_cover", "dark cloud cover"),
            candle("harami", "haramis?"),
            candle("three_white_soldiers", "(?:three|3) white soldiers"),
            candle("three_black_crows", "(?:three|3) black crows"),
            candle("spinning_top", "spinning tops?"),
            candle("marubozu", "marubozus?"),
            candle("tweezer_top", "tweezer tops?"),
            candle("tweezer_bottom", "tweezer bottoms?"),
            candle("pin_bar", "pin bars?"));

    private PatternRules() {
    }

    private static Entry chart(String name, String regex) {
        return new Entry("chart_pattern", name, Pattern.compile("\\b(?:" + regex + ")\\b"));
    }

    private static Entry candle(String name, String regex) {
        return new Entry("candlestick", name, Pattern.compile("\\b(?:" + regex + ")\\b"));
    }

    static List<Finding> find(String lower) {
        List<int[]> taken = new ArrayList<>();
        List<Finding> found = new ArrayList<>();
        for (Entry entry : PATTERNS) {
            Matcher m = entry.pattern().matcher(lower);
            while (m.find()) {
                int s = m.start();
                int e = m.end();
                if (taken.stream().noneMatch(t -> t[0] < e && s < t[1])) {
                    taken.add(new int[] {s, e});
                    Map<String, Object> details = entry.kind().equals("candlestick")
                            ? Map.of("family", "candlestick") : Map.of("family", "chart");
                    found.add(new Finding(s, entry.kind(), entry.name(), details, entry.name(), 0.85));
                }
            }
        }
        return found;
    }
}
