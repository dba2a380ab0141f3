package io.tradingedu.backtesting.engine;

import static io.tradingedu.shared.strategy.Expressions.intParam;

import io.tradingedu.shared.strategy.Expression;
import io.tradingedu.shared.strategy.Expression.IndicatorRef;
import io.tradingedu.shared.strategy.IndicatorKind;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CCIIndicator;
import org.ta4j.core.indicators.ConnorsRSIIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.ParabolicSarIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.WilliamsRIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.adx.MinusDIIndicator;
import org.ta4j.core.indicators.adx.PlusDIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.averages.WMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandWidthIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.bollinger.PercentBIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelLowerIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelMiddleIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.ConstantIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;
import org.ta4j.core.indicators.helpers.OpenPriceIndicator;
import org.ta4j.core.indicators.helpers.PreviousValueIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelLowerIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelMiddleIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelUpperIndicator;
import org.ta4j.core.indicators.numeric.BinaryOperationIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.supertrend.SuperTrendIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.num.Num;

/** Builds the ta4j indicator for a normalized {@link Expression}: the language's catalogue mapped onto ta4j. */
final class Ta4jIndicators {

    private Ta4jIndicators() {
    }

    static Indicator<Num> of(BarSeries series, Expression expression) {
        return switch (expression) {
            case Expression.Constant c -> new ConstantIndicator<>(series, series.numFactory().numOf(c.constant()));
            case Expression.Price p -> switch (p.price()) {
                case OPEN -> new OpenPriceIndicator(series);
                case HIGH -> new HighPriceIndicator(series);
                case LOW -> new LowPriceIndicator(series);
                case CLOSE -> new ClosePriceIndicator(series);
                case VOLUME -> new VolumeIndicator(series);
            };
            case IndicatorRef ref -> indicator(series, ref);
        };
    }

    private static Indicator<Num> indicator(BarSeries series, IndicatorRef ref) {
        IndicatorKind kind = IndicatorKind.byName(ref.indicator()).orElseThrow();
        return withInput(series, ref, kind.takesInput() ? of(series, ref.input()) : null);
    }

    /** The indicator of {@code ref} reading {@code input} (ignored by indicators that read the bars). */
    static Indicator<Num> withInput(BarSeries series, IndicatorRef ref, Indicator<Num> input) {
        IndicatorKind kind = IndicatorKind.byName(ref.indicator()).orElseThrow();
        String output = ref.output();
        return switch (kind) {
            case SMA -> new SMAIndicator(input, intParam(ref, "period"));
            case EMA -> new EMAIndicator(input, intParam(ref, "period"));
            case WMA -> new WMAIndicator(input, intParam(ref, "period"));
            case RSI -> new RSIIndicator(input, intParam(ref, "period"));
            case MACD -> macd(input, ref, output);
            case BOLLINGER -> bollinger(input, ref, output);
            case STOCHASTIC -> {
                var k = new StochasticOscillatorKIndicator(series, intParam(ref, "k_period"));
                yield output.equals("k") ? k : new SMAIndicator(k, intParam(ref, "d_period"));
            }
            case ATR -> new ATRIndicator(series, intParam(ref, "period"));
            case ADX -> switch (output) {
                case "plus_di" -> new PlusDIIndicator(series, intParam(ref, "period"));
                case "minus_di" -> new MinusDIIndicator(series, intParam(ref, "period"));
                default -> new ADXIndicator(series, intParam(ref, "period"));
            };
            case CCI -> new CCIIndicator(series, intParam(ref, "period"));
            case WILLIAMS_R -> new WilliamsRIndicator(series, intParam(ref, "period"));
            case ROC -> new ROCIndicator(input, intParam(ref, "period"));
            case OBV -> new OnBalanceVolumeIndicator(series);
            case DONCHIAN -> switch (output) {
                case "lower" -> new DonchianChannelLowerIndicator(series, intParam(ref, "period"));
                case "middle" -> new DonchianChannelMiddleIndicator(series, intParam(ref, "period"));
                default -> new DonchianChannelUpperIndicator(series, intParam(ref, "period"));
            };
            case VWAP -> new VWAPIndicator(series, intParam(ref, "period"));
            case PSAR -> new ParabolicSarIndicator(series, num(series, ref, "step"), num(series, ref, "max"),
                    num(series, ref, "step"));
            case KELTNER -> keltner(series, ref, output);
            case LAG -> new PreviousValueIndicator(input, intParam(ref, "bars"));
            case HIGHEST -> new HighestValueIndicator(input, intParam(ref, "period"));
            case LOWEST -> new LowestValueIndicator(input, intParam(ref, "period"));
            case RANGE -> BinaryOperationIndicator.difference(new HighPriceIndicator(series), new LowPriceIndicator(series));
            case SUPERTREND -> new SuperTrendIndicator(series, intParam(ref, "period"), ref.params().get("multiplier"));
            case CONNORS_RSI -> new ConnorsRSIIndicator(input, intParam(ref, "rsi_period"),
                    intParam(ref, "streak_period"), intParam(ref, "rank_period"));
            case OPENING_RANGE -> new OpeningRangeIndicator(series, intParam(ref, "minutes"), output.equals("high"));
        };
    }

    private static Indicator<Num> macd(Indicator<Num> input, IndicatorRef ref, String output) {
        var macd = new MACDIndicator(input, intParam(ref, "fast"), intParam(ref, "slow"));
        return switch (output) {
            case "signal" -> macd.getSignalLine(intParam(ref, "signal"));
            case "histogram" -> macd.getHistogram(intParam(ref, "signal"));
            default -> macd;
        };
    }

    private static Indicator<Num> bollinger(Indicator<Num> input, IndicatorRef ref, String output) {
        int period = intParam(ref, "period");
        double k = ref.params().get("k");
        if (output.equals("percent_b")) {
            return new PercentBIndicator(input, period, k);
        }
        var middle = new BollingerBandsMiddleIndicator(new SMAIndicator(input, period));
        var deviation = new StandardDeviationIndicator(input, period);
        Num factor = input.getBarSeries().numFactory().numOf(k);
        return switch (output) {
            case "upper" -> new BollingerBandsUpperIndicator(middle, deviation, factor);
            case "lower" -> new BollingerBandsLowerIndicator(middle, deviation, factor);
            // ta4j's band width is in percent; the language's is a fraction, (upper − lower) / middle
            case "width" -> BinaryOperationIndicator.quotient(new BollingerBandWidthIndicator(
                    new BollingerBandsUpperIndicator(middle, deviation, factor), middle,
                    new BollingerBandsLowerIndicator(middle, deviation, factor)), 100);
            default -> middle;
        };
    }

    private static Indicator<Num> keltner(BarSeries series, IndicatorRef ref, String output) {
        var middle = new KeltnerChannelMiddleIndicator(series, intParam(ref, "period"));
        double multiplier = ref.params().get("multiplier");
        int atrPeriod = intParam(ref, "atr_period");
        return switch (output) {
            case "upper" -> new KeltnerChannelUpperIndicator(middle, multiplier, atrPeriod);
            case "lower" -> new KeltnerChannelLowerIndicator(middle, multiplier, atrPeriod);
            default -> middle;
        };
    }

    private static Num num(BarSeries series, IndicatorRef ref, String param) {
        return series.numFactory().numOf(ref.params().get(param));
    }
}
