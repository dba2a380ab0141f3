package io.tradingedu.backtesting.support;

import io.tradingedu.support.web.BadFieldException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A time given by a client as {@code 2020-01-31} (start of that day, UTC) or {@code 2020-01-31T09:30:00Z}, between
 * the years 1900 and 2200 ({@link SaneTime}).
 */
public final class TimeParameter {

    private TimeParameter() {
    }

    /**
     * @return null for a missing value
     * @throws BadFieldException naming {@code name} when the value is not such a time
     */
    public static Instant parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant time;
        try {
            time = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadFieldException(name, "'" + Excerpt.of(value) + "' is not a date like 2020-01-31 or an "
                    + "instant like 2020-01-31T09:30:00Z");
        }
        if (!SaneTime.contains(time)) {
            throw new BadFieldException(name, "'" + Excerpt.of(value) + "' is outside the years 1900 to 2200");
        }
        return time;
    }
}
