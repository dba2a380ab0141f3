package io.tradingedu.backtesting.engine;

import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.AbstractIndicator;
import org.ta4j.core.num.Num;

/**
 * Already computed indicator values as a ta4j indicator, so that one indicator can smooth another
 * ({@code SMA(RSI(14), 5)}). The bars before the first finite value repeat that value: ta4j's running averages would
 * otherwise carry the NaN of the inner indicator's warm-up forever. Those bars are inside the combined unstable
 * period, so no signal reads them.
 */
final class ValuesIndicator extends AbstractIndicator<Num> {

    private final Num[] values;

    ValuesIndicator(BarSeries series, double[] raw) {
        super(series);
        values = new Num[raw.length];
        double first = Double.NaN;
        for (double v : raw) {
            if (Double.isFinite(v)) {
                first = v;
                break;
            }
        }
        double last = first;
        for (int i = 0; i < raw.length; i++) {
            last = Double.isFinite(raw[i]) ? raw[i] : last;
            values[i] = series.numFactory().numOf(last);
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
