package io.tradingedu.orchestrator.concepts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small map of spoken instrument names to tickers. Names that are ordinary words in lower case ("apple",
 * "amazon", "meta", "the dow") count only when capitalised; the rest in any case, as recognisers write them.
 * <pre>
 * S&amp;P 500, S and P (500), SP 500, SPX → SPX     Nasdaq (100) → NDX      Dow Jones, the Dow → DJI
 * SPY → SPY   QQQ → QQQ   Apple → AAPL   Microsoft → MSFT   Amazon → AMZN   Google, Alphabet → GOOGL
 * Meta, Facebook → META   Tesla → TSLA   Nvidia → NVDA   Netflix → NFLX
 * bitcoin → BTC-USD   ethereum, ether → ETH-USD
 * </pre>
 */
final class TickerNames {

    record Match(int start, int end, String ticker) {
    }

    private static final Map<Pattern, String> NAMES = Map.ofEntries(
            anyCase("s\\s?&\\s?p(?:\\s?500)?|s and p(?: 500)?|sp 500|spx", "SPX"),
            anyCase("nasdaq(?: 100)?", "NDX"),
            anyCase("dow jones(?: industrial average)?", "DJI"),
            exact("the Dow", "DJI"),
            exact("SPY", "SPY"),
            exact("QQQ", "QQQ"),
            exact("Apple", "AAPL"),
            anyCase("microsoft", "MSFT"),
            exact("Amazon", "AMZN"),
            anyCase("google|alphabet", "GOOGL"),
            exact("Meta", "META"),
            anyCase("facebook", "META"),
            anyCase("tesla", "TSLA"),
            anyCase("nvidia", "NVDA"),
            anyCase("netflix", "NFLX"),
            anyCase("bitcoin", "BTC-USD"),
            anyCase("ethereum|ether", "ETH-USD"));

    private TickerNames() {
    }

    private static Map.Entry<Pattern, String> anyCase(String regex, String ticker) {
        return Map.entry(Pattern.compile("(?i)(?<![\\w&])(?:" + regex + ")(?![\\w&])"), ticker);
    }

    private static Map.Entry<Pattern, String> exact(String regex, String ticker) {
        return Map.entry(Pattern.compile("(?<![\\w&])(?:" + regex + ")(?![\\w&])"), ticker);
    }

    static List<Match> find(String sentence) {
        List<Match> found = new ArrayList<>();
        for (var name : NAMES.entrySet()) {
            Matcher m = name.getKey().matcher(sentence);
            while (m.find()) {
                found.add(new Match(m.start(), m.end(), name.getValue()));
            }
        }
        // Longest first, so "S&P 500" is taken before its "S&P".
        found.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : Integer.compare(b.end() - b.start(), a.end() - a.start()));
        return found;
    }
}
