package io.tradingedu.backtesting.marketdata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The date and time formats an upload may use. The first data row decides the format for the whole file; times
 * without a zone are UTC, dates alone mean the start of that day in UTC.
 */
enum DateCell {
    ISO_DATE("2020-01-31", text -> LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()),
    ISO_DATE_TIME_WITH_ZONE("2020-01-31T09:30:00Z", text -> OffsetDateTime.parse(text.replace(' ', 'T')).toInstant()),
    ISO_DATE_TIME("2020-01-31 09:30:00", text -> LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC)),
    DAY_MONTH_NAME_YEAR("19-Sep-03", text -> LocalDate.parse(text, pattern("d-MMM-[yyyy][yy]"))
            .atStartOfDay(ZoneOffset.UTC).toInstant()),
    SLASHED_YEAR_FIRST("2020/01/31", text -> LocalDate.parse(text, pattern("yyyy/M/d"))
            .atStartOfDay(ZoneOffset.UTC).toInstant()),
    SLASHED_US("01/31/2020", text -> LocalDate.parse(text, pattern("M/d/yyyy"))
            .atStartOfDay(ZoneOffset.UTC).toInstant()),
    EPOCH_SECONDS("1385337600", text -> epoch(text, 10, Instant::ofEpochSecond)),
    EPOCH_MILLIS("1385337600000", text -> epoch(text, 13, Instant::ofEpochMilli));

    static final String SUPPORTED = String.join(", ", List.of("2020-01-31", "2020-01-31T09:30:00Z",
            "2020-01-31 09:30:00", "19-Sep-03", "2020/01/31", "01/31/2020 (month first)", "epoch seconds",
            "epoch milliseconds"));

    private final String example;
    private final Function<String, Instant> parser;

    DateCell(String example, Function<String, Instant> parser) {
        this.example = example;
        this.parser = parser;
    }

    /** The first format that reads {@code text}. */
    static Optional<DateCell> detect(String text) {
        for (DateCell format : values()) {
            if (format.parse(text).isPresent()) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    Optional<Instant> parse(String text) {
        try {
            return Optional.of(parser.apply(text.trim()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    String example() {
        return example;
    }

    private static DateTimeFormatter pattern(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
    }

    private static Instant epoch(String text, int digits, Function<Long, Instant> of) {
        if (text.length() != digits || !text.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("not epoch");
        }
        return of.apply(Long.parseLong(text));
    }
}
