package io.tradingedu.orchestrator.concepts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instruments a lesson trades, as tickers the market-data service names them: $TICKER cash tags, forex pairs
 * (EURUSD, EUR/USD), crypto pairs (BTC-USD), a small documented map of spoken names ("Apple" → AAPL, "the S&amp;P
 * 500" / "S and P" → SPX, "bitcoin" → BTC-USD), and all-capital tickers next to market words ("AAPL is trading at
 * 150", "SPY chart"). Needs the sentence in its original case: "Apple" is a company, "apple" usually is not.
 */
final class InstrumentRules {

    private static final Pattern CASHTAG = Pattern.compile("(?<![\\w$])\\$([A-Z]{1,5})(?:\\.[A-Z])?\\b");
    private static final String CURRENCIES = "EUR|GBP|USD|JPY|AUD|NZD|CAD|CHF";
    private static final Pattern FOREX = Pattern.compile("(?i)\\b(" + CURRENCIES + ")\\s?/?\\s?(" + CURRENCIES
            + ")\\b");
    private static final Pattern CRYPTO = Pattern.compile("(?i)\\b(BTC|ETH|SOL|XRP|LTC|DOGE)[-/]?(USDT?)\\b");
    private static final Pattern CAPITALS = Pattern.compile("(?<![\\w$])([A-Z]{2,5})(?![\\w%(])");
    private static final Pattern MARKET_WORD = Pattern.compile("(?i)\\b(?:stock|stocks|shares?|chart|price|"
            + "trading at|trades at|closed at|is at|calls|puts|options|ticker|etf)\\b");
    /** Capitals that are not tickers in trading talk. */
    private static final Set<String> NOT_TICKERS = Set.of("RSI", "MACD", "EMA", "SMA", "WMA", "ATR", "VWAP", "OBV",
            "ADX", "CCI", "ROC", "MA", "BB", "US", "USA", "UK", "EU", "CEO", "CFO", "ETF", "IPO", "OK", "AM", "PM",
            "TV", "AI", "API", "PDF", "FAQ", "PSAR", "SAR", "DI", "RR", "TP", "SL", "PNL", "ROI", "YTD", "EOD", "USD",
            "EUR", "GBP", "JPY", "AUD", "NZD", "CAD", "CHF", "BTC", "ETH", "IT", "IS", "ON", "AT", "TO", "IN", "OR",
            "AND", "THE", "IF", "SO", "NO", "MY", "WE", "HE", "BE", "DO", "GO", "UP", "AN", "AS", "BY", "OF", "ME");
    private static final int NEAR = 25;

    private InstrumentRules() {
    }

    static List<Finding> find(String sentence) {
        List<Finding> found = new ArrayList<>();
        List<int[]> taken = new ArrayList<>();
        Matcher cash = CASHTAG.matcher(sentence);
        while (cash.find()) {
            add(found, taken, cash.start(), cash.end(), cash.group(1), "cashtag", 0.9);
        }
        Matcher forex = FOREX.matcher(sentence);
        while (forex.find()) {
            if (!forex.group(1).equalsIgnoreCase(forex.group(2)) && isUpper(forex.group())) {
                add(found, taken, forex.start(), forex.end(), (forex.group(1) + forex.group(2)).toUpperCase(),
                        "pair", 0.85);
            }
        }
        Matcher crypto = CRYPTO.matcher(sentence);
        while (crypto.find()) {
            add(found, taken, crypto.start(), crypto.end(), crypto.group(1).toUpperCase() + "-USD", "pair", 0.85);
        }
        for (TickerNames.Match name : TickerNames.find(sentence)) {
            add(found, taken, name.start(), name.end(), name.ticker(), "name", 0.85);
        }
        Matcher capitals = CAPITALS.matcher(sentence);
        while (capitals.find()) {
            String ticker = capitals.group(1);
            if (!NOT_TICKERS.contains(ticker) && nearMarketWord(sentence, capitals.start(), capitals.end())) {
                add(found, taken, capitals.start(), capitals.end(), ticker, "capitals", 0.6);
            }
        }
        return found;
    }

    private static boolean nearMarketWord(String sentence, int start, int end) {
        String around = sentence.substring(Math.max(0, start - NEAR), Math.min(sentence.length(), end + NEAR));
        return MARKET_WORD.matcher(around).find();
    }

    private static boolean isUpper(String text) {
        return text.equals(text.toUpperCase());
    }

    private static void add(List<Finding> found, List<int[]> taken, int start, int end, String ticker, String via,
                            double certainty) {
        if (taken.stream().anyMatch(t -> t[0] < end && start < t[1])) {
            return;
        }
        taken.add(new int[] {start, end});
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ticker", ticker);
        details.put("via", via);
        found.add(new Finding(start, "instrument", ticker, details, ticker, certainty));
    }
}
