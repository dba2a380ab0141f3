package io.tradingedu.backtesting.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small daily series for hand-checked tests: each bar as {open, high, low, close}, one day apart from 2020-01-01. */
final class Bars {

    static final Instant START = Instant.parse("2020-01-01T00:00:00Z");

    private Bars() {
    }

    static PriceSeries of(double[]... ohlc) {
        List<PriceBar> bars = new ArrayList<>();
        for (int i = 0; i < ohlc.length; i++) {
            double[] b = ohlc[i];
            bars.add(new PriceBar(day(i), b[0], b[1], b[2], b[3], 1000));
        }
        return PriceSeries.of("TEST", Duration.ofDays(1), bars);
    }

    /** Bars whose open is the previous close and whose range just covers open and close. */
    static PriceSeries closes(double... closes) {
        double[][] ohlc = new double[closes.length][];
        for (int i = 0; i < closes.length; i++) {
            double open = i == 0 ? closes[0] : closes[i - 1];
            ohlc[i] = new double[] {open, Math.max(open, closes[i]), Math.min(open, closes[i]), closes[i]};
        }
        return of(ohlc);
    }

    static double[] bar(double open, double high, double low, double close) {
        return new double[] {open, high, low, close};
    }

    static Instant day(int i) {
        return START.plus(Duration.ofDays(i));
    }
}
