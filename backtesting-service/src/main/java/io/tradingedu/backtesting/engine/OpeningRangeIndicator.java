package io.tradingedu.backtesting.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.ta4j.core.Bar;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.AbstractIndicator;
import org.ta4j.core.num.Num;

/**
 * The high (or low) of a session's opening range; ta4j has no such indicator. A session is the bars of one UTC
 * calendar day and starts with its first bar (midnight for 24-hour markets, the opening bell for an exchange's
 * trading hours); its opening range is the bars that open within the first {@code minutes}. The level is NaN until
 * the last of those bars has closed, so no rule reads a range that is not complete yet, and stays the same until the
 * session ends.
 */
final class OpeningRangeIndicator extends AbstractIndicator<Num> {

    private final Num[] values;

    OpeningRangeIndicator(BarSeries series, int minutes, boolean high) {
        super(series);
        Duration length = Duration.ofMinutes(minutes);
        values = new Num[series.getBarCount()];
        LocalDate session = null;
        Instant rangeEnd = null;
        double level = Double.NaN;
        for (int i = 0; i < values.length; i++) {
            Bar bar = series.getBar(series.getBeginIndex() + i);
            LocalDate day = LocalDate.ofInstant(bar.getBeginTime(), ZoneOffset.UTC);
            if (!day.equals(session)) {
                session = day;
                rangeEnd = bar.getBeginTime().plus(length);
                level = Double.NaN;
            }
            if (bar.getBeginTime().isBefore(rangeEnd)) {
                double extreme = (high ? bar.getHighPrice() : bar.getLowPrice()).doubleValue();
                level = Double.isNaN(level) ? extreme : high ? Math.max(level, extreme) : Math.min(level, extreme);
            }
            boolean complete = !bar.getEndTime().isBefore(rangeEnd);
            values[i] = series.numFactory().numOf(complete ? level : Double.NaN);
        }
    }

    @Override
    public Num getValue(int index) {
        return values[index];
    }

    @Override
    public int getCountOfUnstableBars() {
        return 0;
    }
}
