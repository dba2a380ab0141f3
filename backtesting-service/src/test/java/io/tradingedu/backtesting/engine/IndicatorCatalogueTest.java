package io.tradingedu.backtesting.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.backtesting.marketdata.RealMarketData;
import io.tradingedu.shared.strategy.Expression;
import io.tradingedu.shared.strategy.Expression.IndicatorRef;
import io.tradingedu.shared.strategy.IndicatorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every indicator and output of the language computes on the real S&P 500 series, gives finite values once stable,
 * and stays inside the range the validator assumes when it rejects rules that can never be true.
 */
class IndicatorCatalogueTest {

    private static final PriceSeries SPX = RealMarketData.sp500();
    private static final IndicatorCache CACHE = new IndicatorCache(SPX);

    static Stream<IndicatorRef> everyIndicatorAndOutput() {
        List<IndicatorRef> refs = new ArrayList<>();
        for (IndicatorKind kind : IndicatorKind.values()) {
            if (kind.outputs().isEmpty()) {
                refs.add(IndicatorRef.of(kind.wireName(), Map.of()));
            }
            for (String output : kind.outputs()) {
                refs.add(new IndicatorRef(kind.wireName(), Map.of(), output, null));
            }
        }
        return refs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyIndicatorAndOutput")
    void computesFiniteValuesWithinItsRange(IndicatorRef ref) {
        IndicatorValues values = CACHE.values(ref);
        IndicatorKind kind = IndicatorKind.byName(ref.indicator()).orElseThrow();

        assertThat(values.unstableBars()).isLessThan(300);
        for (int i = Math.max(values.unstableBars(), 60); i < SPX.size(); i++) {
            double v = values.values()[i];
            assertThat(Double.isFinite(v)).as("%s at bar %d is %s", ref, i, v).isTrue();
            if (kind.range().isPresent() && !"percent_b".equals(ref.output())) {
                assertThat(v).as("%s at bar %d", ref, i)
                        .isBetween(kind.range().get().min() - 1e-9, kind.range().get().max() + 1e-9);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("channels")
    void channelsAreOrderedUpperMiddleLower(String indicator) {
        double[] upper = CACHE.values(new IndicatorRef(indicator, Map.of(), "upper", null)).values();
        double[] middle = CACHE.values(new IndicatorRef(indicator, Map.of(), "middle", null)).values();
        double[] lower = CACHE.values(new IndicatorRef(indicator, Map.of(), "lower", null)).values();

        for (int i = 60; i < SPX.size(); i++) {
            assertThat(upper[i]).isGreaterThanOrEqualTo(middle[i]);
            assertThat(middle[i]).isGreaterThanOrEqualTo(lower[i]);
        }
    }

    static Stream<String> channels() {
        return Stream.of("BOLLINGER", "DONCHIAN", "KELTNER");
    }

    @ParameterizedTest(name = "SMA({0}) is the plain mean of the last closes")
    @MethodSource("periods")
    void smaIsTheMeanOfTheLastCloses(int period) {
        double[] sma = CACHE.values(IndicatorRef.of("SMA", Map.of("period", (double) period))).values();
        int i = SPX.size() - 1;
        double sum = 0;
        for (int j = i - period + 1; j <= i; j++) {
            sum += SPX.close(j);
        }

        assertThat(sma[i]).isCloseTo(sum / period, org.assertj.core.api.Assertions.within(1e-6));
    }

    static Stream<Integer> periods() {
        return Stream.of(5, 50, 200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void smoothingIndicatorsReadTheirInputSeries(Expression input) {
        double[] ofInput = CACHE.values(new IndicatorRef("SMA", Map.of("period", 1.0), null, input)).values();
        double[] raw = CACHE.values(input).values();

        for (int i = 20; i < SPX.size(); i++) {
            assertThat(ofInput[i]).isCloseTo(raw[i], org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    static Stream<Expression> inputs() {
        return Stream.of(new Expression.Price(io.tradingedu.shared.strategy.PriceField.HIGH),
                IndicatorRef.of("RSI", Map.of("period", 14.0)));
    }
}
