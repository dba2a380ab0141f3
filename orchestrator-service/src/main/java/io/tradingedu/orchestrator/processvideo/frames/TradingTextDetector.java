package io.tradingedu.orchestrator.processvideo.frames;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Decides whether text read on a frame shows trading content. The rule, in points (trading text at 2 or more):
 * <ul>
 *   <li>2 for a strong signal: an indicator name (RSI, MACD, EMA20, Bollinger, moving average ...), a cashtag
 *       ($AAPL), a currency or crypto pair (EUR/USD, SOL/USDT, BTCUSD), an all-caps 1-5 letter symbol next to a price
 *       (AAPL 182.45), a trading phrase (stop loss, take profit, resistance, oversold ...), or a chart axis (four or
 *       more lines holding only a number, evenly stepped and monotonic);</li>
 *   <li>1 for each kind of weak signal present: a price (123.45, 1,234.50, $40), a percentage, a timeframe label
 *       (4H, 15m, 1D, Daily, Weekly);</li>
 *   <li>1 for one or two common trading words (buy, sell, support, entry, stock, chart ...), 2 for three or more.</li>
 * </ul>
 * Acronyms match in capitals as whole words only, so "Emails" or "SMASH" say nothing; a plain slide such as
 * "Welcome to the course" scores 0.
 */
@Component
public class TradingTextDetector {

    /** Whether the text is trading text, and the signals that made it so (e.g. "indicator RSI", "price 182.40"). */
    public record Detection(boolean tradingText, int points, List<String> signals) {
    }

    private static final int THRESHOLD = 2;

    private static final Pattern INDICATOR = Pattern.compile(
            "\\b(RSI|MACD|SMA|EMA|WMA|VWAP|ATR|ADX|OBV|CCI|MFI|DMI)(?:\\d{1,3})?\\b"
            + "|(?i:\\b(bollinger|stochastic|stoch|fibonacci|ichimoku|keltner|donchian|parabolic\\s+sar"
            + "|moving\\s+averages?|relative\\s+strength|average\\s+true\\s+range|on[- ]balance\\s+volume)\\b)");
    private static final Pattern CASHTAG = Pattern.compile("(?<![\\w$])\\$([A-Z]{1,5})\\b");
    private static final String CURRENCIES = "USD|EUR|JPY|GBP|CHF|AUD|CAD|NZD|USDT|USDC|BTC|ETH|XAU|XAG";
    private static final Pattern PAIR = Pattern.compile(
            "\\b(?:(?:" + CURRENCIES + ")(?:" + CURRENCIES + ")|(?:" + CURRENCIES + ")/[A-Z]{2,5}|[A-Z]{2,5}/(?:"
            + CURRENCIES + "))\\b");
    private static final String PRICE_TEXT = "\\$?(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,4})?|\\d+\\.\\d{2,4})";
    private static final Pattern PRICE = Pattern.compile(
            "(?<![\\w.,])(?:" + PRICE_TEXT + "|\\$\\d+)(?![\\w%]|[.,]\\d)");
    private static final Pattern TICKER_PRICE = Pattern.compile(
            "\\b([A-Z]{1,5})\\b[\\s:,]{1,3}(?:" + PRICE_TEXT + ")(?![\\w%]|[.,]\\d)");
    private static final Set<String> NOT_TICKERS = Set.of("A", "I", "AM", "PM", "AT", "ON", "IN", "OF", "TO", "THE",
            "AND", "OR", "FOR", "BY", "IS", "IT", "VS", "V", "NO", "UP", "US", "WE", "MY", "BE", "AS", "AN", "IF", "SO",
            "CH", "PG", "PAGE", "STEP", "PART", "FIG", "TABLE", "ITEM", "PHONE", "TEL");
    private static final Pattern PHRASE = Pattern.compile("(?i)\\b(stop[- ]?loss(?:es)?|take[- ]profit|resistance"
            + "|candlesticks?|bullish|bearish|overbought|oversold|breakouts?|breakdowns?|trend ?lines?"
            + "|golden cross|death cross|risk[-/ ]?reward|head and shoulders|double (?:top|bottom)|order blocks?"
            + "|limit orders?|market orders?|trailing stop|position siz(?:e|ing)|price action|swing (?:high|low)s?"
            + "|higher highs|lower lows|day trading|swing trading|drawdown|pips)\\b");
    private static final Pattern PERCENTAGE = Pattern.compile("[-+]?\\d+(?:[.,]\\d+)?\\s?%");
    private static final Pattern TIMEFRAME = Pattern.compile(
            "\\b(?:(?:1|2|3|4|5|10|15|30|45)(?:m|min)|(?:1|2|3|4|6|8|12)[Hh]|[1-9][DWM]|[MHDW](?:1|4|5|15|30))\\b"
            + "|(?i:\\b(?:daily|weekly|hourly|intraday)\\b)");
    private static final Pattern WORD = Pattern.compile("(?i)\\b(buy|sell|long|short|support|entry|exit|trend"
            + "|price|chart|volume|candles?|stocks?|shares|trades?|trading|traders?|market|profit|loss|risk|bid|ask"
            + "|spread|leverage|position|portfolio|dividends?|earnings|futures|options|forex|crypto|bitcoin"
            + "|nasdaq|nyse|etf|s&p|dow|index|ticker|signal|setup|momentum|volatility|liquidity|scalping)\\b");
    private static final Pattern LONE_NUMBER = Pattern.compile("^[$]?(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?%?$");
    private static final int AXIS_LINES = 4;

    public boolean isTradingText(String text) {
        return detect(text).tradingText();
    }

    public Detection detect(String text) {
        if (text == null || text.isBlank()) {
            return new Detection(false, 0, List.of());
        }
        List<String> signals = new ArrayList<>();
        int points = 0;
        points += 2 * first(INDICATOR, text, "indicator", signals);
        points += 2 * first(CASHTAG, text, "ticker", signals);
        points += 2 * first(PAIR, text, "pair", signals);
        points += 2 * tickerNextToPrice(text, signals);
        points += 2 * first(PHRASE, text, "phrase", signals);
        String axis = axis(text);
        if (axis != null) {
            signals.add("axis " + axis);
            points += 2;
        }
        points += first(PRICE, text, "price", signals);
        points += first(PERCENTAGE, text, "percentage", signals);
        points += first(TIMEFRAME, text, "timeframe", signals);
        Set<String> words = new LinkedHashSet<>();
        for (Matcher m = WORD.matcher(text); m.find(); ) {
            words.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        if (!words.isEmpty()) {
            signals.add("words " + String.join(", ", words));
            points += words.size() >= 3 ? 2 : 1;
        }
        return new Detection(points >= THRESHOLD, points, List.copyOf(signals));
    }

    private static int first(Pattern pattern, String text, String kind, List<String> signals) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return 0;
        }
        signals.add(kind + " " + m.group().strip());
        return 1;
    }

    private static int tickerNextToPrice(String text, List<String> signals) {
        for (Matcher m = TICKER_PRICE.matcher(text); m.find(); ) {
            if (!NOT_TICKERS.contains(m.group(1))) {
                signals.add("ticker " + m.group().strip());
                return 1;
            }
        }
        return 0;
    }

    /** Four or more consecutive lines holding only a number, monotonic with even steps: a chart's price axis. */
    static String axis(String text) {
        List<Double> run = new ArrayList<>();
        for (String line : (text + "\n ").lines().toList()) {
            Matcher m = LONE_NUMBER.matcher(line.strip());
            if (m.matches()) {
                run.add(Double.parseDouble(m.group(1).replace(",", "") + (m.group(2) == null ? "" : m.group(2))));
                continue;
            }
            if (run.size() >= AXIS_LINES && evenlyStepped(run)) {
                return run.getFirst() + ".." + run.getLast();
            }
            run.clear();
        }
        return null;
    }

    private static boolean evenlyStepped(List<Double> values) {
        double step = values.get(1) - values.get(0);
        if (step == 0) {
            return false;
        }
        for (int i = 2; i < values.size(); i++) {
            double d = values.get(i) - values.get(i - 1);
            if (Math.abs(d - step) > Math.abs(step) * 0.01 + 1e-9) {
                return false;
            }
        }
        return true;
    }
}
