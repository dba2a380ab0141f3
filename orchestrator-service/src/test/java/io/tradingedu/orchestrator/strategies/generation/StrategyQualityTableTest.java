package io.tradingedu.orchestrator.strategies.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.orchestrator.concepts.ConceptExtractor;
import io.tradingedu.orchestrator.concepts.TextEvidence;
import io.tradingedu.shared.strategy.StrategyDefinition;
import io.tradingedu.shared.strategy.StrategyFormatter;
import io.tradingedu.shared.strategy.StrategyText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The quality bar of issue 9: strategies said the way teachers say them become exactly the right strategy. Each row
 * is a phrase and the strategy it must become, in compact text; "exactly right" means the generated definition
 * equals the expected one (name aside), so defaults the language omits from text (long, 100% sizing) are checked
 * too. The three classic strategies must be right; the whole table must stay at or above the measured share.
 */
class StrategyQualityTableTest {

    record Row(String phrase, String expected) {
    }

    static final List<Row> CLASSIC = List.of(
            new Row("Buy when the 50-day moving average crosses above the 200-day and sell when it crosses back below",
                    """
                    entry: SMA(50) crosses above SMA(200)
                    exit: SMA(50) crosses below SMA(200)
                    """),
            new Row("If the 2-period RSI closes under 5 while price is above the 200-day average, buy at the close and "
                    + "exit when price closes above the 5-day moving average", """
                    entry: RSI(2) < 5
                    entry: close > SMA(200)
                    exit: close > SMA(5)
                    """),
            new Row("Buy a 20-day high breakout, exit on a 10-day low, with a stop two times the 20-day ATR away", """
                    entry_stop: HIGHEST(high, 20)
                    exit_stop: LOWEST(low, 10)
                    stop_loss: 2 ATR(20)
                    """));

    static final List<Row> TABLE = List.of(
            new Row("Go long when the close crosses above the 20-day simple moving average and get out when it crosses "
                    + "back below.", """
                    entry: close crosses above SMA(20)
                    exit: close crosses below SMA(20)
                    """),
            new Row("When the 9 EMA crosses above the 21 EMA I get in, and I exit when the 9 EMA crosses below the 21 "
                    + "EMA.", """
                    entry: EMA(9) crosses above EMA(21)
                    exit: EMA(9) crosses below EMA(21)
                    """),
            new Row("Buy when price closes above the 30-period weighted moving average, with a 3% stop loss.", """
                    entry: close > WMA(30)
                    stop_loss: 3%
                    """),
            new Row("Buy when the 14-period RSI drops below 30 and sell when it rises above 70.", """
                    entry: RSI(14) < 30
                    exit: RSI(14) > 70
                    """),
            new Row("Go long when the MACD line crosses above the signal line and exit when the MACD crosses below the "
                    + "signal line.", """
                    entry: MACD(12, 26, 9) crosses above MACD(12, 26, 9).signal
                    exit: MACD(12, 26, 9) crosses below MACD(12, 26, 9).signal
                    """),
            new Row("Buy when price closes below the lower Bollinger band and sell when it closes above the middle band.",
                    """
                    entry: close < BOLLINGER(20, 2).lower
                    exit: close > BOLLINGER(20, 2).middle
                    """),
            new Row("Buy when the stochastic crosses above 20 and exit when it crosses below 80.", """
                    entry: STOCHASTIC(14, 3) crosses above 20
                    exit: STOCHASTIC(14, 3) crosses below 80
                    """),
            new Row("Buy when the close crosses above the 50-day moving average with a stop 3 ATR away and a target of "
                    + "2R.", """
                    entry: close crosses above SMA(50)
                    stop_loss: 3 ATR
                    take_profit: 2R
                    """),
            new Row("Only trade when the ADX is above 25, buying when the 20 EMA crosses above the 50 EMA, and exit when "
                    + "it crosses back below.", """
                    entry: EMA(20) crosses above EMA(50)
                    entry: ADX(14) > 25
                    exit: EMA(20) crosses below EMA(50)
                    """),
            new Row("Buy when the CCI crosses above -100 and sell when it crosses above +100.", """
                    entry: CCI(20) crosses above -100
                    exit: CCI(20) crosses above 100
                    """),
            new Row("Go long when Williams %R rises above -80, exit when it falls below -20.", """
                    entry: WILLIAMS_R(14) > -80
                    exit: WILLIAMS_R(14) < -20
                    """),
            new Row("Buy when the 12-day rate of change crosses above zero and sell when it crosses below zero.", """
                    entry: ROC(12) crosses above 0
                    exit: ROC(12) crosses below 0
                    """),
            new Row("Buy when on-balance volume has been rising for 5 days while price is above the 50-day moving "
                    + "average, and exit when price closes below the 50-day moving average.", """
                    entry: OBV rising over 5 bars
                    entry: close > SMA(50)
                    exit: close < SMA(50)
                    """),
            new Row("Buy when price crosses above the middle Donchian channel line and sell when it crosses back below.",
                    """
                    entry: close crosses above DONCHIAN(20).middle
                    exit: close crosses below DONCHIAN(20).middle
                    """),
            new Row("On the 5-minute chart, buy when price crosses above VWAP and exit after 12 bars.", """
                    entry: close crosses above VWAP(20)
                    max_bars: 12
                    """),
            new Row("Buy when price crosses above the parabolic SAR and exit when it crosses back below.", """
                    entry: close crosses above PSAR(0.02, 0.2)
                    exit: close crosses below PSAR(0.02, 0.2)
                    """),
            new Row("Sell short when price closes below the lower Keltner channel, with a 2% trailing stop.", """
                    direction: short
                    entry: close < KELTNER(20, 2, 10).lower
                    trailing_stop: 2%
                    """),
            new Row("Buy when the close is above the 55-day high and exit when the close is below the 20-day low.", """
                    entry: close > HIGHEST(high, 55)[1]
                    exit: close < LOWEST(low, 20)[1]
                    """),
            new Row("Buy when the day's range is above the 14-day ATR, and exit after 5 days.", """
                    entry: RANGE > ATR(14)
                    max_bars: 5
                    """),
            new Row("Buy when the Bollinger band width is below 0.1 and price closes above the upper band, exit when "
                    + "price closes below the middle band.", """
                    entry: BB_width(20, 2) < 0.1
                    entry: close > BB_upper(20, 2)
                    exit: close < BB_middle(20, 2)
                    """),
            new Row("Go long when price closes above the Supertrend 10 3 and exit when price closes below the "
                    + "Supertrend.", """
                    entry: close > SUPERTREND(10, 3)
                    exit: close < SUPERTREND(10, 3)
                    """),
            new Row("Buy when ConnorsRSI drops below 10 and sell when it rises above 70.", """
                    entry: CONNORS_RSI(3, 2, 100) < 10
                    exit: CONNORS_RSI(3, 2, 100) > 70
                    """),
            new Row("On the 5-minute chart buy when price crosses above the 30-minute opening range high, with a 1% "
                    + "stop, and exit after 24 bars.", """
                    entry: close crosses above OPENING_RANGE_high(30)
                    stop_loss: 1%
                    max_bars: 24
                    """),
            new Row("Buy when the RSI(2) is below 5 within the last 3 bars and price crosses above the 5-day moving "
                    + "average.", """
                    entry: RSI(2) < 5 within 3 bars
                    entry: close crosses above SMA(5)
                    stop_loss: 2 ATR(14)
                    take_profit: 2R
                    """),
            new Row("Buy a 20-day high breakout, add to the position on each new breakout up to 3 units, and exit on a "
                    + "10-day low.", """
                    entry_stop: HIGHEST(high, 20)
                    exit_stop: LOWEST(low, 10)
                    pyramiding: 3
                    size: 33.33%
                    """),
            new Row("Go short when the 50-day EMA crosses below the 200-day EMA, risk 1% of the account per trade with a "
                    + "stop 2 times the 14-day ATR away, and cover when it crosses back above.", """
                    direction: short
                    entry: EMA(50) crosses below EMA(200)
                    exit: EMA(50) crosses above EMA(200)
                    stop_loss: 2 ATR(14)
                    size: risk 1%
                    """),
            new Row("Buy when the RSI crosses above 30, take profit at 5%, stop at 2% and exit after 10 days if neither "
                    + "is hit.", """
                    entry: RSI(14) crosses above 30
                    stop_loss: 2%
                    take_profit: 5%
                    max_bars: 10
                    """),
            new Row("Trade the golden cross with a 10% trailing stop.", """
                    entry: SMA(50) crosses above SMA(200)
                    trailing_stop: 10%
                    """),
            new Row("Buy when price crosses above a short moving average and sell when it crosses back below.", """
                    entry: close crosses above SMA(20)
                    exit: close crosses below SMA(20)
                    """));

    /**
     * Measured 2026-11-26: 32 of 32 (docs/strategy-generation.md). The rows were written together with the rules, so
     * this guards against regressions; it is no measure of phrasings the rules have never seen.
     */
    static final double FLOOR = 1.0;

    @Test
    void theThreeClassicStrategiesComeOutExactlyRight() {
        for (Row row : CLASSIC) {
            assertThat(generated(row.phrase())).as(row.phrase()).isEqualTo(expected(row.expected()));
        }
    }

    @Test
    void theTableOfTeachersPhrasesComesOutRightAtLeastAsOftenAsMeasured() {
        List<Row> all = new ArrayList<>(CLASSIC);
        all.addAll(TABLE);
        int right = 0;
        StringBuilder report = new StringBuilder("\nquality table: phrase -> generated (expected when different)\n");
        for (Row row : all) {
            String generated = generated(row.phrase());
            String expected = expected(row.expected());
            boolean ok = generated.equals(expected);
            right += ok ? 1 : 0;
            report.append(ok ? "  ok    " : "  WRONG ").append(row.phrase()).append("\n        -> ")
                    .append(generated.replace("\n", " | "));
            if (!ok) {
                report.append("\n        expected ").append(expected.replace("\n", " | "));
            }
            report.append('\n');
        }
        double share = (double) right / all.size();
        report.append(String.format(Locale.ROOT, "exactly right: %d of %d (%.1f %%)%n", right, all.size(),
                share * 100));
        System.out.println(report);
        assertThat(all).hasSizeGreaterThanOrEqualTo(23);
        assertThat(share).as(report.toString()).isGreaterThanOrEqualTo(FLOOR);
    }

    /** The first candidate of the phrase, as compact text without its name; what went wrong otherwise. */
    static String generated(String phrase) {
        List<LessonConcept> concepts = new ConceptExtractor().extract(List.of(
                        new TextEvidence(phrase, 0, 10, 1, "transcript"))).stream()
                .map(c -> new LessonConcept(null, null, c)).toList();
        Synthesis synthesis = RuleSynthesis.synthesise(concepts);
        if (synthesis.candidates().isEmpty()) {
            return "(none: " + String.join("; ", synthesis.notes()) + ")";
        }
        StrategyDefinition d = synthesis.candidates().getFirst().definition();
        return StrategyFormatter.format(withoutName(d));
    }

    static String expected(String text) {
        try {
            return StrategyFormatter.format(withoutName(StrategyText.parse(text)));
        } catch (RuntimeException e) {
            return "(the language cannot read the expectation yet: " + e.getMessage() + ")";
        }
    }

    private static StrategyDefinition withoutName(StrategyDefinition d) {
        return StrategyText.parse(StrategyFormatter.format(d).replaceFirst("(?m)^name: .*\\R", ""));
    }
}
