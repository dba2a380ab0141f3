package io.tradingedu.backtesting.marketdata;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A bar length written as {@code 1m}, {@code 5m}, {@code 1h}, {@code 4h}, {@code 1d}, {@code 1w}. */
public record Timeframe(String label, Duration duration) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,4})([mhdw])");

    public static Timeframe parse(String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text.trim().toLowerCase());
        if (!matcher.matches() || Integer.parseInt(matcher.group(1)) == 0) {
            throw new InvalidMarketDataException("timeframe '" + text + "' is not like 1m, 5m, 1h, 4h, 1d or 1w");
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration duration = switch (matcher.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
        };
        return new Timeframe(amount + matcher.group(2), duration);
    }
}
