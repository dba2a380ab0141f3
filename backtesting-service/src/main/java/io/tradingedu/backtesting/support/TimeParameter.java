package io.tradingedu.backtesting.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** A time given by a client as {@code 2020-01-31} (start of that day, UTC) or {@code 2020-01-31T09:30:00Z}. */
public final class TimeParameter {

    private TimeParameter() {
    }

    /** @return null for a missing value */
    public static Instant parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not a date like 2020-01-31 or an instant "
                    + "like 2020-01-31T09:30:00Z");
        }
    }
}
