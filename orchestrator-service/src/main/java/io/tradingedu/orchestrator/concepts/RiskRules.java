package io.tradingedu.orchestrator.concepts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stops, targets and position risk, named and keyed as shared-model's {@code Risk} and {@code Sizing} are:
 * <ul>
 *   <li>{@code stop_loss} {"percent": 2} or {"atr_multiple": 2[, "atr_period": 14]} ({@code Risk.StopLoss})</li>
 *   <li>{@code take_profit} {"percent": 5} or {"r_multiple": 2} ({@code Risk.TakeProfit})</li>
 *   <li>{@code risk_reward} {"ratio": 3} for 1:3 (the larger side over the smaller, whichever way it was said);
 *       the same as a take profit of 3R</li>
 *   <li>{@code trailing_stop} {"percent": 3} ({@code Risk.TrailingStop}; the language has no ATR trail, so "trail
 *       by 2 ATR" is not taken)</li>
 *   <li>{@code position_risk} {"percent_of_account": 1}: {@code Sizing.riskPerTrade} = 0.01</li>
 *   <li>{@code max_holding} {"bars": 20} ({@code Risk.maxBars}); days and candles count as bars</li>
 * </ul>
 * Each rule takes the amount said nearest to its keyword, after it first ("a stop loss of 2%") then before it ("a 2%
 * stop"); an amount taken by one rule is not taken again ("risk 1% per trade with a 2% stop").
 */
final class RiskRules {

    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
    private static final Pattern PERCENT = Pattern.compile(NUMBER + "%");
    /** "2 ATR", "2 x ATR(20)", "two times the 20-day ATR": group 1 the multiple, 2 or 3 the period when said. */
    private static final Pattern ATR = Pattern.compile(NUMBER + "\\s*(?:x|times)?\\s*(?:the\\s+)?"
            + "(?:(\\d+)-(?:day|period|bar)\\s+)?(?:atr|average true range)\\b(?:\\s*\\(\\s*(\\d+)\\s*\\))?");
    /** "add … up to 3 units", "pyramid up to four times", "a maximum of 4 units": at most n entries at once. */
    private static final Pattern PYRAMIDING = Pattern.compile("\\b(?:pyramid(?:ing)?|add(?:ing)? (?:to (?:the|your|a|"
            + "my) (?:position|trade|winners?)|(?:another|one more|a) unit|units?))\\b[^.;]{0,60}?\\b(?:up to|at most|"
            + "a maximum of|max(?:imum)?(?: of)?)\\s+" + NUMBER + "\\s+(?:units|times|entries|positions)\\b");
    private static final Pattern R_MULTIPLE = Pattern.compile(NUMBER + "\\s*r\\b|" + NUMBER + "\\s*(?:x|times)\\s+"
            + "(?:the\\s+|your\\s+|my\\s+|our\\s+)?(?:initial\\s+)?(?:risk|stop(?: distance)?)\\b");
    private static final Pattern RATIO = Pattern.compile("(?<![\\d.])" + NUMBER + ":" + NUMBER + "(?![\\d])");

    private static final Pattern MAX_HOLDING = Pattern.compile(
            "\\b(?:hold(?:ing)?|keep (?:it|the trade|the position)|stay in)\\b[^.;]{0,25}?\\b(?:for\\s+)?"
                    + "(?:at most|up to|a maximum of|max(?:imum)?(?: of)?|no (?:more|longer) than)\\s+" + NUMBER
                    + "\\s+(?:bars?|days?|candles?|sessions?)\\b"
                    + "|\\b(?:never|don't|do not) hold\\b[^.;]{0,25}?\\b(?:more|longer) than\\s+" + NUMBER
                    + "\\s+(?:bars?|days?|candles?|sessions?)\\b"
                    + "|\\b(?:exit|close (?:the|your) (?:trade|position)|get out)\\s+after\\s+" + NUMBER
                    + "\\s+(?:bars?|days?|candles?|sessions?)\\b"
                    + "|\\btime stop (?:of|at|after)\\s+" + NUMBER + "\\s+(?:bars?|days?|candles?)\\b"
                    + "|\\b" + NUMBER + "[- ](?:bars?|days?|candles?) (?:time stop|max(?:imum)? hold(?:ing period)?)\\b"
                    + "|\\bmax(?:imum)? holding (?:period|time) of\\s+" + NUMBER + "\\s+(?:bars?|days?|candles?)\\b");
    private static final Pattern RISK_REWARD = Pattern.compile("\\b(?:risk[- ]?(?:to[- ])?reward|reward[- ]?(?:to[- ])?"
            + "risk|r:r|rr)\\b");
    private static final Pattern POSITION_RISK = Pattern.compile(
            "\\brisk(?:ing)?\\s+(?:only\\s+|just\\s+|about\\s+|around\\s+|(?:no )?more than\\s+|a maximum of\\s+"
                    + "|max(?:imum)?\\s+|up to\\s+)?" + NUMBER + "%"
                    + "|" + NUMBER + "%\\s+(?:risk\\s+)?(?:per trade|of (?:your |the |my |our )?(?:account|equity|"
                    + "capital|portfolio)(?:\\s+per trade)?)");
    /** "1% of the account" is position risk only where risk is the subject, not the position's size. */
    private static final Pattern RISK_WORD = Pattern.compile("\\brisk");
    private static final Pattern TRAILING = Pattern.compile("\\btrailing stop(?:[- ]loss)?\\b|\\btrail(?:ing|s)?\\s+"
            + "(?:the\\s+|your\\s+|my\\s+)?stop\\b");
    private static final Pattern TAKE_PROFIT = Pattern.compile("\\b(?:take[- ]?profits?|profit targets?|targets?|"
            + "take some profits?)\\b");
    private static final Pattern STOP = Pattern.compile("\\bstop[- ]?loss(?:es)?\\b|\\bstops?\\b|\\bstopped out\\b");
    private static final int AFTER = 40;
    private static final int BEFORE = 30;

    private record Amount(int start, int end, Map<String, Object> details, String text) {
    }

    private final String lower;
    private final List<int[]> claimed = new ArrayList<>();
    private final List<Finding> found = new ArrayList<>();

    private RiskRules(String lower) {
        this.lower = lower;
    }

    static List<Finding> find(String lower) {
        RiskRules rules = new RiskRules(lower);
        rules.maxHolding();
        rules.pyramiding();
        rules.riskReward();
        rules.positionRisk();
        rules.keyword(TRAILING, "trailing_stop", false, false);
        rules.keyword(TAKE_PROFIT, "take_profit", false, true);
        rules.keyword(STOP, "stop_loss", true, false);
        return rules.found;
    }

    private void maxHolding() {
        Matcher m = MAX_HOLDING.matcher(lower);
        while (m.find()) {
            String bars = firstGroup(m);
            claim(m.start(), m.end());
            add(m.start(), "max_holding", Map.of("bars", Numbers.value(Double.parseDouble(bars))), "max_bars: " + bars);
        }
    }

    private void pyramiding() {
        Matcher m = PYRAMIDING.matcher(lower);
        while (m.find()) {
            double units = Double.parseDouble(m.group(1));
            if (units >= 1 && units == Math.rint(units)) {
                claim(m.start(), m.end());
                add(m.start(), "pyramiding", Map.of("units", Numbers.value(units)), "pyramiding: " + m.group(1));
            }
        }
    }

    private void riskReward() {
        Matcher keyword = RISK_REWARD.matcher(lower);
        while (keyword.find()) {
            Amount ratio = nearest(keyword, RATIO, m -> {
                double a = Double.parseDouble(m.group(1));
                double b = Double.parseDouble(m.group(2));
                double value = Math.max(a, b) / Math.min(a, b);
                return a > 0 && b > 0 ? new Amount(m.start(), m.end(), Map.of("ratio", Numbers.value(value)),
                        "take_profit: " + Numbers.text(value) + "R") : null;
            });
            if (ratio != null) {
                add(keyword.start(), "risk_reward", ratio.details(), ratio.text());
            }
        }
    }

    private void positionRisk() {
        Matcher m = POSITION_RISK.matcher(lower);
        while (m.find()) {
            String percent = firstGroup(m);
            double value = Double.parseDouble(percent);
            boolean said = m.group(1) != null || RISK_WORD.matcher(lower).find();
            if (said && value > 0 && value <= 100 && !isClaimed(m.start(), m.end())) {
                claim(m.start(), m.end());
                add(m.start(), "position_risk", Map.of("percent_of_account", Numbers.value(value)),
                        "size: risk " + percent + "%");
            }
        }
    }

    /** A keyword with an amount: percent, or ATR multiple for stops, or R multiple for targets. */
    private void keyword(Pattern keyword, String name, boolean atr, boolean rMultiple) {
        String key = name + ": ";
        List<Map.Entry<Pattern, Function<Matcher, Amount>>> readers = new ArrayList<>();
        readers.add(Map.entry(PERCENT, m -> {
            double value = Double.parseDouble(m.group(1));
            return value > 0 && value < 100 ? new Amount(m.start(), m.end(), Map.of("percent", Numbers.value(value)),
                    key + m.group(1) + "%") : null;
        }));
        if (rMultiple) {
            readers.add(Map.entry(R_MULTIPLE, m -> {
                String value = firstGroup(m);
                return new Amount(m.start(), m.end(), Map.of("r_multiple", Numbers.value(Double.parseDouble(value))),
                        key + value + "R");
            }));
        }
        if (atr) {
            readers.add(Map.entry(ATR, m -> {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("atr_multiple", Numbers.value(Double.parseDouble(m.group(1))));
                String period = m.group(3) != null ? m.group(3) : m.group(2);
                if (period != null) {
                    details.put("atr_period", Integer.valueOf(period));
                }
                return new Amount(m.start(), m.end(), details, key + m.group(1) + " ATR"
                        + (period == null ? "" : "(" + period + ")"));
            }));
        }
        Matcher k = keyword.matcher(lower);
        while (k.find()) {
            if (isClaimed(k.start(), k.end())) {
                continue;
            }
            Amount amount = nearest(k, readers);
            // "stop" inside a "trailing stop" is not a second stop, whether or not an amount was found
            claim(k.start(), k.end());
            if (amount != null) {
                add(k.start(), name, amount.details(), amount.text());
            }
        }
    }

    /** The unclaimed amount of any kind nearest the keyword: the first within reach after it, else the last before. */
    private Amount nearest(Matcher keyword, List<Map.Entry<Pattern, Function<Matcher, Amount>>> readers) {
        Amount after = null;
        Amount before = null;
        for (var reader : readers) {
            Matcher m = reader.getKey().matcher(lower);
            while (m.find()) {
                if (isClaimed(m.start(), m.end())) {
                    continue;
                }
                boolean isAfter = m.start() >= keyword.end() && m.start() - keyword.end() <= AFTER;
                boolean isBefore = m.end() <= keyword.start() && keyword.start() - m.end() <= BEFORE;
                Amount candidate = isAfter || isBefore ? reader.getValue().apply(m) : null;
                if (candidate == null) {
                    continue;
                }
                if (isAfter && (after == null || candidate.start() < after.start())) {
                    after = candidate;
                } else if (isBefore && (before == null || candidate.end() > before.end())) {
                    before = candidate;
                }
            }
        }
        Amount chosen = after != null ? after : before;
        if (chosen != null) {
            claim(chosen.start(), chosen.end());
        }
        return chosen;
    }

    /** As above for a single kind of amount. */
    private Amount nearest(Matcher keyword, Pattern amount, Function<Matcher, Amount> read) {
        return nearest(keyword, List.of(Map.entry(amount, read)));
    }

    private void add(int at, String name, Map<String, Object> details, String textForm) {
        found.add(new Finding(at, "risk_rule", name, details, textForm, 0.9));
    }

    private void claim(int start, int end) {
        claimed.add(new int[] {start, end});
    }

    private boolean isClaimed(int start, int end) {
        return claimed.stream().anyMatch(c -> c[0] < end && start < c[1]);
    }

    private static String firstGroup(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        throw new IllegalStateException("pattern without a number group: " + m.pattern());
    }
}
