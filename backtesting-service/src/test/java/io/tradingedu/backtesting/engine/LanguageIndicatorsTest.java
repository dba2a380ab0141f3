package io.tradingedu.backtesting.engine;

import static io.tradingedu.backtesting.engine.Bars.bar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tradingedu.shared.strategy.InvalidStrategyException;
import io.tradingedu.shared.strategy.RuleParser;
import io.tradingedu.shared.strategy.StrategyText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The series and conditions added to the language, checked against plain arithmetic on small series. */
class LanguageIndicatorsTest {

    private final PriceSeries bars = Bars.of(bar(10, 11, 9, 10), bar(10, 12, 9.5, 11), bar(11, 11.5, 10, 10.5),
            bar(10.5, 14, 10, 13), bar(13, 13.5, 12, 12.5), bar(12.5, 13, 11, 11.5));
    private final IndicatorCache cache = new IndicatorCache(bars);

    private double[] values(String expression) {
        return cache.values(RuleParser.parseExpression(expression)).values();
    }

    @Test
    void lagHighestLowestAndRangeAreTheirArithmetic() {
        double[] previousClose = values("close[1]");
        double[] highest = values("HIGHEST(high, 3)[1]");
        double[] lowestClose = values("LOWEST(close, 2)");
        double[] range = values("RANGE");

        assertThat(previousClose[3]).isEqualTo(10.5);
        assertThat(cache.values(RuleParser.parseExpression("close[1]")).unstableBars()).isEqualTo(1);
        assertThat(highest[4]).isEqualTo(14);
        assertThat(highest[3]).isEqualTo(12);
        assertThat(lowestClose[3]).isEqualTo(10.5);
        assertThat(range[3]).isEqualTo(4);
        assertThat(values("HIGHEST(3)")).containsExactly(values("DONCHIAN_upper(3)"));
    }

    @Test
    void bollingerWidthIsTheBandDistanceOverTheMiddle() {
        double[] width = values("BB_width(3, 2)");
        double upper = values("BB_upper(3, 2)")[5];
        double lower = values("BB_lower(3, 2)")[5];
        double middle = values("BB_middle(3, 2)")[5];

        assertThat(width[5]).isCloseTo((upper - lower) / middle, within(1e-12));
    }

    @Test
    void withinHoldsWhileTheConditionWasTrueOnOneOfTheLastBars() {
        PriceSeries closes = Bars.closes(101, 99, 102, 103, 98, 97, 101, 104);
        SignalCompiler signals = new SignalCompiler(new IndicatorCache(closes));

        Signal within = signals.compile(RuleParser.parse("close < 100 within 2 bars"));

        List<Boolean> truth = new ArrayList<>();
        for (int i = 0; i < closes.size(); i++) {
            truth.add(within.isTrue(i));
        }
        assertThat(truth).containsExactly(false, true, true, false, true, true, true, false);
    }

    @Test
    void openingRangeIsKnownOnlyOnceItsBarsHaveClosed() {
        // 15-minute bars from 14:30 UTC on two days; the 30-minute range is the first two bars of each day
        List<PriceBar> intraday = new ArrayList<>();
        Instant day1 = Instant.parse("2024-03-04T14:30:00Z");
        Instant day2 = Instant.parse("2024-03-05T14:30:00Z");
        double[][] prices = {{100, 101, 99, 100}, {100, 102, 98.5, 101}, {101, 103, 100, 102.5}};
        for (Instant start : List.of(day1, day2)) {
            for (int i = 0; i < prices.length; i++) {
                double[] p = start == day2 ? new double[] {p(prices[i], 0) + 10, p(prices[i], 1) + 10,
                        p(prices[i], 2) + 10, p(prices[i], 3) + 10} : prices[i];
                intraday.add(new PriceBar(start.plus(Duration.ofMinutes(15L * i)), p[0], p[1], p[2], p[3], 1));
            }
        }
        IndicatorCache minutes = new IndicatorCache(PriceSeries.of("ES", Duration.ofMinutes(15), intraday));

        double[] high = minutes.values(RuleParser.parseExpression("OPENING_RANGE_high(30)")).values();
        double[] low = minutes.values(RuleParser.parseExpression("OPENING_RANGE_low(30)")).values();

        assertThat(high[0]).isNaN();
        assertThat(high[1]).isEqualTo(102);
        assertThat(high[2]).isEqualTo(102);
        assertThat(low[2]).isEqualTo(98.5);
        assertThat(high[3]).isNaN();
        assertThat(high[4]).isEqualTo(112);
        assertThat(low[5]).isEqualTo(108.5);
    }

    private static double p(double[] bar, int i) {
        return bar[i];
    }

    @Test
    void openingRangeOnDailyBarsIsRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> CompiledStrategy.compile(
                StrategyText.parse("entry: close > OPENING_RANGE_high(30)\nmax_bars: 2"), cache))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessageContaining("OPENING_RANGE needs intraday bars");
    }

    @Test
    void signedLevelsTradeAsWritten() {
        // CCI(3) of these bars crosses under -100 only where the plain arithmetic says so; both agree on the bars
        double[] cci = values("CCI(3)");
        Signal cross = new SignalCompiler(cache).compile(RuleParser.parse("CCI(3) crosses under -100"));

        for (int i = 3; i < bars.size(); i++) {
            assertThat(cross.isTrue(i)).isEqualTo(cci[i] < -100 && cci[i - 1] >= -100);
        }
    }
}
