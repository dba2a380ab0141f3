package io.tradingedu.backtesting.marketdata;

import io.tradingedu.backtesting.support.Excerpt;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bar length written as {@code 1m}, {@code 5m}, {@code 1h}, {@code 4h}, {@code 1d}, {@code 1w} or {@code 1mo}
 * ({@code m} is always minutes; a capital {@code 1M} is refused as ambiguous).
 * Months are calendar months in UTC, so their bars differ in length; {@code duration} is then the mean month
 * (365.2425 / 12 days), which is all the engine needs of it (bars of a day or longer).
 */
public record Timeframe(String label, Duration duration) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,4})(mo|m|h|d|w)");
    private static final long MEAN_MONTH_SECONDS = Math.round(365.2425 / 12 * 86_400);

    /** A unit of exactly {@code M}: minutes or months? */
    private static final Pattern CAPITAL_M = Pattern.compile("\\s*\\d{1,4}M\\s*");

    /**
     * Reads a bar length; letters in any case, except a lone capital {@code M}: {@code 1m} is a minute and {@code 1mo}
     * a month, while {@code 1M} means a month in some tools and a minute in others, so it is refused.
     */
    public static Timeframe parse(String text) {
        if (text != null && CAPITAL_M.matcher(text).matches()) {
            String amount = text.trim().substring(0, text.trim().length() - 1);
            throw new InvalidMarketDataException("timeframe '" + Excerpt.of(text) + "' is ambiguous: write " + amount
                    + "m for minutes or " + amount + "mo for months");
        }
        Matcher matcher = FORMAT.matcher(text == null ? "" : text.trim().toLowerCase());
        if (!matcher.matches() || Integer.parseInt(matcher.group(1)) == 0) {
            throw new InvalidMarketDataException("timeframe '" + Excerpt.of(text) + "' is not like 1m, 5m, 1h, 4h, 1d, 1w or 1mo");
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration duration = switch (matcher.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            case "mo" -> Duration.ofSeconds(MEAN_MONTH_SECONDS * amount);
            default -> Duration.ofDays(7 * amount);
        };
        return new Timeframe(amount + matcher.group(2), duration);
    }

    /** Calendar months per bar; 0 for fixed-length bars. */
    public int months() {
        return label.endsWith("mo") ? Integer.parseInt(label.substring(0, label.length() - 2)) : 0;
    }

    /**
     * The opening time of the bar holding {@code time}: a multiple of the bar length since 1970-01-01T00:00Z (so days
     * start at midnight UTC), or for months the first of a month, counting whole bars of months since January 1970.
     */
    public Instant barStart(Instant time) {
        int months = months();
        if (months == 0) {
            long width = duration.toMillis();
            return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), width) * width);
        }
        LocalDate date = LocalDate.ofInstant(time, ZoneOffset.UTC);
        long sinceEpoch = (date.getYear() - 1970L) * 12 + date.getMonthValue() - 1;
        long start = Math.floorDiv(sinceEpoch, months) * months;
        return LocalDate.of(1970, 1, 1).plusMonths(start).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
