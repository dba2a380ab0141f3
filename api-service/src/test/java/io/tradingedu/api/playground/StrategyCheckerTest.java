package io.tradingedu.api.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingedu.api.support.BadParameterException;
import org.junit.jupiter.api.Test;

/** The Playground's check: problems at the line and column an author can fix, and the numbers a sweep may vary. */
class StrategyCheckerTest {

    private final StrategyChecker checker = new StrategyChecker(new PlaygroundProperties(null, 200, null, null));

    @Test
    void aValidTextGivesItsJsonItsNormalisedTextAndItsNumbers() {
        StrategyCheck check = checker.check("""
                name: RSI dip
                entry: RSI(14) < 30
                exit: RSI(14) > 70
                stop_loss: 2%
                """);

        assertThat(check.valid()).isTrue();
        assertThat(check.problems()).isEmpty();
        assertThat(check.strategy().path("risk").path("stop_loss").path("percent").asDouble()).isEqualTo(2.0);
        assertThat(check.normalized()).contains("RSI(14) < 30");
        assertThat(check.sweepable()).extracting(SweepableNumber::path)
                .contains("entry.left.params.period", "entry.right.constant", "risk.stop_loss.percent")
                .doesNotContain("version");
        SweepableNumber threshold = check.sweepable().stream().filter(n -> n.path().equals("entry.right.constant"))
                .findFirst().orElseThrow();
        assertThat(threshold.value()).isEqualTo(30.0);
        assertThat(threshold.line()).isEqualTo(2);
        assertThat(threshold.label()).contains("line 2: entry: RSI(14) < 30");
    }

    @Test
    void aSyntaxErrorIsShownAtItsLineAndColumn() {
        StrategyCheck check = checker.check("""
                name: broken
                direction: long
                entry: RSI(14) <
                """);

        assertThat(check.valid()).isFalse();
        assertThat(check.strategy()).isNull();
        assertThat(check.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.column()).isGreaterThan("entry: RSI(14) ".length() - 1);
            assertThat(problem.message()).doesNotStartWith("line");
        });
    }

    @Test
    void anUnknownKeyIsShownAtTheStartOfItsLine() {
        StrategyCheck check = checker.check("entry: RSI(14) < 30\nexit: RSI(14) > 70\nstoploss: 2%\n");

        assertThat(check.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.column()).isEqualTo(1);
            assertThat(problem.message()).contains("unknown key 'stoploss'");
        });
    }

    @Test
    void aValueTheLanguageRefusesIsShownAtTheLineThatWroteIt() {
        StrategyCheck check = checker.check("""
                # a stop of 0% is no stop
                entry: SMA(20) crosses above SMA(50)
                exit: SMA(20) crosses below SMA(50)
                stop_loss: 0%
                """);

        assertThat(check.valid()).isFalse();
        assertThat(check.problems()).anySatisfy(problem -> {
            assertThat(problem.path()).startsWith("risk.stop_loss");
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.column()).isEqualTo("stop_loss: ".length() + 1);
        });
    }

    @Test
    void aProblemInTheSecondOfTwoEntryLinesIsShownThere() {
        StrategyCheck check = checker.check("""
                entry: RSI(14) < 30
                entry: SMA(0) > 1
                exit: RSI(14) > 70
                """);

        assertThat(check.valid()).isFalse();
        assertThat(check.problems()).anySatisfy(problem -> {
            assertThat(problem.path()).startsWith("entry.conditions[1]");
            assertThat(problem.line()).isEqualTo(2);
        });
    }

    @Test
    void aStrategyWithoutAnyExitIsAProblemOfTheWholeText() {
        StrategyCheck check = checker.check("entry: RSI(14) < 30\n");

        assertThat(check.valid()).isFalse();
        assertThat(check.problems()).anySatisfy(problem -> {
            assertThat(problem.path()).isEqualTo("exit");
            assertThat(problem.line()).isNull();
        });
    }

    @Test
    void anEmptyOrOverlongTextIsRefusedUnread() {
        assertThatThrownBy(() -> checker.check("  \n")).isInstanceOf(BadParameterException.class)
                .hasMessageContaining("text");
        assertThatThrownBy(() -> checker.check("entry: RSI(14) < 30\n".repeat(20)))
                .isInstanceOf(BadParameterException.class).hasMessageContaining("at most 200");
    }

    @Test
    void aKeyWrittenTwiceIsPlacedAtTheLineTheParserKept() {
        StrategyCheck check = checker.check("entry: close > 1\nexit: close < 1\nstop_loss: 2%\nstop_loss: 150%\n");

        assertThat(check.problems()).anySatisfy(problem -> {
            assertThat(problem.path()).isEqualTo("risk.stop_loss.percent");
            assertThat(problem.line()).isEqualTo(4);
        });
    }

    @Test
    void anOversizedAtrPeriodIsAProblemAtItsLineNotAJavaError() {
        StrategyCheck check = checker.check("entry: close > 1\nexit: close < 0.5\nstop_loss: 2 ATR(99999999999)\n");

        assertThat(check.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.message()).contains("too large").doesNotContain("For input string");
        });
    }

    /**
     * A line of blanks without a colon, the longest a text may be. The line pattern once backtracked cubically on it
     * (3000 blanks took 43 s, 10000 would take hours); the timeout only guards against that hang returning.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 20, unit = java.util.concurrent.TimeUnit.SECONDS,
            threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aLongLineOfBlanksIsReadWithoutBacktracking() {
        StrategyChecker roomy = new StrategyChecker(new PlaygroundProperties(null, null, null, null));

        StrategyCheck check = roomy.check(" ".repeat(9_998) + "x");

        assertThat(check.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.message()).contains("expected 'key: value'");
        });
    }
}
