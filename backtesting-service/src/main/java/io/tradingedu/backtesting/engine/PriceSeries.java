package io.tradingedu.backtesting.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * Bars of one symbol and timeframe in time order, as plain arrays for the simulator and as a ta4j {@link BarSeries}
 * for the indicators. Immutable once built, so any number of backtests may read it at once.
 */
public final class PriceSeries {

    private final String symbol;
    private final Duration barDuration;
    private final Instant[] times;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private final BarSeries barSeries;

    private PriceSeries(String symbol, Duration barDuration, List<PriceBar> bars) {
        this.symbol = symbol;
        this.barDuration = barDuration;
        int n = bars.size();
        times = new Instant[n];
        open = new double[n];
        high = new double[n];
        low = new double[n];
        close = new double[n];
        volume = new double[n];
        barSeries = new BaseBarSeriesBuilder().withName(symbol).withNumFactory(DoubleNumFactory.getInstance()).build();
        for (int i = 0; i < n; i++) {
            PriceBar bar = bars.get(i);
            if (i > 0 && !bar.time().isAfter(times[i - 1])) {
                throw new IllegalArgumentException("bars must be in strictly increasing time order; bar " + i
                        + " at " + bar.time() + " is not after " + times[i - 1]);
            }
            times[i] = bar.time();
            open[i] = bar.open();
            high[i] = bar.high();
            low[i] = bar.low();
            close[i] = bar.close();
            volume[i] = bar.volume();
            barSeries.barBuilder().timePeriod(barDuration).endTime(bar.time().plus(barDuration))
                    .openPrice(bar.open()).highPrice(bar.high()).lowPrice(bar.low()).closePrice(bar.close())
                    .volume(bar.volume()).add();
        }
    }

    /** @param bars in strictly increasing time order; {@code time} is each bar's opening time */
    public static PriceSeries of(String symbol, Duration barDuration, List<PriceBar> bars) {
        return new PriceSeries(symbol, barDuration, bars);
    }

    public String symbol() {
        return symbol;
    }

    public Duration barDuration() {
        return barDuration;
    }

    public int size() {
        return times.length;
    }

    public Instant time(int i) {
        return times[i];
    }

    public double open(int i) {
        return open[i];
    }

    public double high(int i) {
        return high[i];
    }

    public double low(int i) {
        return low[i];
    }

    public double close(int i) {
        return close[i];
    }

    /** The first bar index whose time is at or after {@code time}; {@link #size()} when none is. */
    public int indexAtOrAfter(Instant time) {
        int lo = 0;
        int hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid].isBefore(time)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    BarSeries barSeries() {
        return barSeries;
    }
}
