package io.tradingedu.shared.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingedu.shared.strategy.Expression.Constant;
import io.tradingedu.shared.strategy.Expression.Price;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The defects a review found in the language additions of issue 9, each pinned by the case that showed it. */
class LanguageReviewFixesTest {

    private static final Condition CLOSE_ABOVE_ONE = new Condition.Above(new Price(PriceField.CLOSE), new Constant(1));
    private static final String DEEPER_THAN_ALLOWED = "nest more than " + StrategyValidator.MAX_NESTING + " levels";

    private static List<Violation> violationsOf(String text) {
        return StrategyValidator.validate(StrategyText.parse(text));
    }

    private static Condition nots(int count, Condition inner) {
        Condition condition = inner;
        for (int i = 0; i < count; i++) {
            condition = new Condition.Not(condition);
        }
        return condition;
    }

    private static StrategyDefinition withEntry(Condition entry) {
        return new StrategyDefinition(1, null, null, entry, null, new Risk(null, null, null, 5), null, null);
    }

    // 1. stop and reverse with one level for both sides

    @ParameterizedTest
    @ValueSource(strings = {"low", "LOWEST(low, 3)[1]", "10", "PSAR[1]", "SMA(20)"})
    void stopAndReverseNeedsALevelThatChangesSidesItself(String level) {
        assertThat(violationsOf("entry: close > 10.5\nexit_stop: " + level + "\nreverse: true\ncommission_bps: 10"))
                .singleElement().satisfies(v -> {
                    assertThat(v.path()).isEqualTo("reverse");
                    assertThat(v.message()).contains("changes sides with the position itself, PSAR or SUPERTREND",
                            "'" + level + "'");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"PSAR", "PSAR(0.01, 0.1)", "SUPERTREND(10, 3)"})
    void stopAndReverseAtPsarOrSupertrendIsValid(String level) {
        assertThat(violationsOf("entry: close > 10.5\nexit_stop: " + level + "\nreverse: true")).isEmpty();
    }

    // 2. nesting depth

    @Test
    void theParserRefusesDeepNestingAtTheTokenThatGoesTooDeep() {
        int max = StrategyValidator.MAX_NESTING;

        assertThatThrownBy(() -> RuleParser.parse("not ".repeat(498) + "close > 1"))
                .isInstanceOf(StrategySyntaxException.class)
                .hasMessageContaining(DEEPER_THAN_ALLOWED)
                .satisfies(e -> assertThat(((StrategySyntaxException) e).column()).isEqualTo(4 * max + 1));
        assertThatThrownBy(() -> RuleParser.parse("(".repeat(3000) + "close > 1" + ")".repeat(3000)))
                .isInstanceOf(StrategySyntaxException.class).hasMessageContaining(DEEPER_THAN_ALLOWED);
        assertThatThrownBy(() -> RuleParser.parse("close > 1" + " within 2".repeat(3000)))
                .isInstanceOf(StrategySyntaxException.class).hasMessageContaining(DEEPER_THAN_ALLOWED);
        assertThatThrownBy(() -> RuleParser.parseExpression("close" + "[1]".repeat(3000)))
                .isInstanceOf(StrategySyntaxException.class).hasMessageContaining(DEEPER_THAN_ALLOWED);
        assertThatThrownBy(() -> RuleParser.parse("SMA(".repeat(3000) + "close" + ")".repeat(3000) + " > 1"))
                .isInstanceOf(StrategySyntaxException.class).hasMessageContaining(DEEPER_THAN_ALLOWED);
        // chains at two levels, each short enough on its own
        assertThatThrownBy(() -> RuleParser.parse("(close > 1" + " within 2".repeat(40) + ")" + " within 2".repeat(40)))
                .isInstanceOf(StrategySyntaxException.class).hasMessageContaining(DEEPER_THAN_ALLOWED);
        assertThatThrownBy(() -> StrategyText.parse("max_bars: 3\nentry: " + "not ".repeat(100) + "close > 1"))
                .isInstanceOf(StrategySyntaxException.class).hasMessageContaining("line 2");
    }

    @Test
    void theValidatorNamesThePathWhereARuleGoesTooDeepWithoutOverflowingTheStack() {
        StrategyDefinition deep = withEntry(nots(3000, CLOSE_ABOVE_ONE));

        List<Violation> violations = StrategyValidator.validate(deep);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("entry" + ".condition".repeat(StrategyValidator.MAX_NESTING));
            assertThat(v.message()).contains(DEEPER_THAN_ALLOWED);
        });
        assertThatThrownBy(() -> StrategyValidator.requireValid(deep)).isInstanceOf(InvalidStrategyException.class);
        assertThatThrownBy(() -> StrategyJson.toJson(deep)).isInstanceOf(InvalidStrategyException.class);
        // the review's case: 498 nots passed the validator and then broke the JSON writer
        assertThat(StrategyValidator.validate(withEntry(nots(498, CLOSE_ABOVE_ONE)))).isNotEmpty();
        Expression deepSeries = new Price(PriceField.CLOSE);
        for (int i = 0; i < 3000; i++) {
            deepSeries = Expressions.lag(deepSeries, 1);
        }
        StrategyDefinition deepLevel = new StrategyDefinition(1, null, null, null, null, new Risk(null, null, null, 5),
                null, null, deepSeries, null, null, null);
        assertThat(StrategyValidator.validate(deepLevel)).singleElement().extracting(Violation::path).asString()
                .startsWith("entry_stop.input.input");
    }

    @Test
    void aRuleAtTheLimitRoundTripsThroughTextAndJson() {
        // 62 nots, the comparison and its series: 64 levels
        StrategyDefinition atLimit = withEntry(nots(StrategyValidator.MAX_NESTING - 2, CLOSE_ABOVE_ONE));
        StrategyDefinition overLimit = withEntry(nots(StrategyValidator.MAX_NESTING - 1, CLOSE_ABOVE_ONE));

        assertThat(StrategyValidator.validate(atLimit)).isEmpty();
        assertThat(StrategyText.parse(StrategyFormatter.format(atLimit))).isEqualTo(atLimit);
        assertThat(StrategyJson.fromJson(StrategyJson.toJson(atLimit))).isEqualTo(atLimit);
        assertThat(StrategyValidator.validate(overLimit)).extracting(Violation::message)
                .singleElement().asString().contains(DEEPER_THAN_ALLOWED);
    }

    private static String notsJson(int count) {
        return "{\"entry\": " + "{\"type\": \"not\", \"condition\": ".repeat(count)
                + "{\"type\": \"above\", \"left\": {\"price\": \"close\"}, \"right\": {\"constant\": 1}}"
                + "}".repeat(count) + ", \"risk\": {\"max_bars\": 5}}";
    }

    @Test
    void deepJsonIsAnInvalidStrategyNotAServerError() {
        String deep = notsJson(450);
        JsonNode deepTree = JsonMapper.builder().build().readTree(deep);

        assertThatThrownBy(() -> StrategyJson.fromJson(deep)).isInstanceOf(InvalidStrategyException.class)
                .hasMessageContaining("nests more than " + StrategyJson.MAX_JSON_DEPTH);
        assertThatThrownBy(() -> StrategyJson.fromTree(deepTree)).isInstanceOf(InvalidStrategyException.class)
                .satisfies(e -> assertThat(((InvalidStrategyException) e).violations()).singleElement()
                        .extracting(Violation::path).asString().startsWith("entry.condition.condition"));
        // within the JSON limit but beyond the language's: read, then refused by the validator with its path
        StrategyDefinition hundred = StrategyJson.fromJson(notsJson(100));
        assertThat(StrategyValidator.validate(hundred)).singleElement().extracting(Violation::message).asString()
                .contains(DEEPER_THAN_ALLOWED);
    }

    // 3. numbers the tokenizer can read back

    @ParameterizedTest
    @ValueSource(strings = {"close > -0.0005", "BB_width(20, 2) < 0.0008", "close > 0.00000123",
            "volume > 123456789012345678", "volume > 100000000000000000000", "close > 1.5"})
    void constantsAreWrittenAsPlainDecimalsThatReadBack(String rule) {
        StrategyDefinition strategy = StrategyText.parse("entry: " + rule + "\nmax_bars: 5");

        String text = StrategyFormatter.format(strategy);

        assertThat(text).doesNotContainPattern("\\dE");
        assertThat(StrategyText.parse(text)).isEqualTo(strategy);
    }

    // 4. pyramiding and reversal are the engine's; 8. within binds tighter than not

    @Test
    void withinBindsTighterThanNot() {
        Condition dip = RuleParser.parse("RSI(2) < 5");

        assertThat(RuleParser.parse("not RSI(2) < 5 within 3 bars"))
                .isEqualTo(new Condition.Not(new Condition.Within(3, dip)));
        assertThat(RuleParser.parse("(not RSI(2) < 5) within 3 bars"))
                .isEqualTo(new Condition.Within(3, new Condition.Not(dip)));
        assertThat(RuleParser.parse("not RSI(2) < 5 within 3 bars and close > 1")).isEqualTo(new Condition.AllOf(
                List.of(new Condition.Not(new Condition.Within(3, dip)), CLOSE_ABOVE_ONE)));
        for (Condition condition : List.of(new Condition.Within(3, new Condition.Not(dip)),
                new Condition.Not(new Condition.Within(3, dip)), new Condition.Not(new Condition.Not(dip)),
                new Condition.Within(2, new Condition.Within(3, new Condition.Not(dip))))) {
            assertThat(RuleParser.parse(StrategyFormatter.condition(condition))).isEqualTo(condition);
        }
    }

    // 6. a breakout level that includes the current bar is refused only where the rule requires it

    @ParameterizedTest
    @ValueSource(strings = {"close <= HIGHEST(high, 20)", "not (close > HIGHEST(high, 20))",
            "close > HIGHEST(high, 20) or RSI(2) < 5", "not (close > DONCHIAN_upper(20) and RSI(2) < 5)",
            "low >= LOWEST(low, 10)"})
    void aBreakoutLevelUnderNotOrBesideALiveAlternativeIsNotRefused(String rule) {
        assertThat(violationsOf("entry: " + rule + "\nmax_bars: 5")).isEmpty();
    }

    @Test
    void aBreakoutLevelTheRuleRequiresIsRefusedWithItsPath() {
        assertThat(violationsOf("entry: close > DONCHIAN_upper(20)\nmax_bars: 5")).extracting(Violation::path)
                .containsExactly("entry");
        assertThat(violationsOf("entry: close > HIGHEST(high, 20)\nmax_bars: 5")).extracting(Violation::path)
                .containsExactly("entry");
        assertThat(violationsOf("entry: RSI(2) < 5 and close > HIGHEST(high, 20) within 3 bars\nmax_bars: 5"))
                .extracting(Violation::path).containsExactly("entry.conditions[1].condition");
        assertThat(violationsOf("entry: not not close > HIGHEST(high, 20)\nmax_bars: 5"))
                .extracting(Violation::path).containsExactly("entry.condition.condition");
        assertThat(violationsOf("entry: close > HIGHEST(high, 20) or close > DONCHIAN_upper(10)\nmax_bars: 5"))
                .extracting(Violation::path).containsExactly("entry.conditions[0]", "entry.conditions[1]");
        assertThat(violationsOf("entry: close > 1\nexit: close crosses below LOWEST(10) or close < 0.5"))
                .isEmpty();
    }

    // 7. rules and levels that were accepted but can never trade

    @Test
    void theSameLagOnBothSidesIsStillTheBreakoutMistake() {
        assertThat(violationsOf("entry: close[1] > HIGHEST(high, 20)[1]\nmax_bars: 5")).singleElement()
                .satisfies(v -> {
                    assertThat(v.path()).isEqualTo("entry");
                    assertThat(v.message()).contains("can never be true").endsWith("HIGHEST(high, 20)[2]");
                });
        assertThat(violationsOf("entry: close[1] > HIGHEST(high, 20)[2]\nmax_bars: 5")).isEmpty();
        assertThat(violationsOf("entry: close > HIGHEST(high, 20)[1]\nmax_bars: 5")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"entry_stop: -5", "entry_stop: 0", "entry_stop: RSI(14)", "exit_stop: ATR(14)",
            "entry_stop: SMA(RSI(14), 5)", "exit_stop: volume", "entry_stop: BB_width(20, 2)", "exit_stop: RANGE[1]",
            "entry_stop: STOCH(14, 3)"})
    void aStopLevelMustBeAPositivePrice(String line) {
        String key = line.substring(0, line.indexOf(':'));

        assertThat(violationsOf("entry: close > 1\nmax_bars: 5\n" + line)).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo(key);
            assertThat(v.message()).startsWith("a stop order's level is a price");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"entry_stop: 12.5", "entry_stop: SMA(high, 5)", "entry_stop: BB_upper(20, 2)[1]",
            "exit_stop: KELTNER_lower(20, 2, 10)", "exit_stop: OPENING_RANGE_low(30)", "entry_stop: DONCHIAN(20)[1]",
            "exit_stop: LOWEST(SMA(10), 5)", "entry_stop: VWAP(20)"})
    void priceLevelsAreValidStopLevels(String line) {
        assertThat(violationsOf("entry: close > 1\nmax_bars: 5\n" + line)).isEmpty();
    }

    // 9. the JSON codec truncates and coerces nothing

    @Test
    void jsonRefusesFractionsForWholeNumbersAndTextForBooleans() {
        String entry = "\"entry\": {\"type\": \"above\", \"left\": {\"price\": \"close\"}, \"right\": {\"constant\": 1}}";

        assertThatThrownBy(() -> StrategyJson.fromJson("{" + entry + ", \"risk\": {\"max_bars\": 5}, \"pyramiding\": 2.9}"))
                .isInstanceOf(StrategySyntaxException.class).hasMessageContaining("(at pyramiding)");
        assertThatThrownBy(() -> StrategyJson.fromJson("{\"entry\": {\"type\": \"within\", \"bars\": 2.5, "
                + "\"condition\": {\"type\": \"above\", \"left\": {\"price\": \"close\"}, \"right\": {\"constant\": 1}}},"
                + " \"risk\": {\"max_bars\": 5}}"))
                .isInstanceOf(StrategySyntaxException.class).hasMessageContaining("(at entry.bars)");
        assertThatThrownBy(() -> StrategyJson.fromJson("{" + entry + ", \"exit_stop\": {\"indicator\": \"PSAR\"}, "
                + "\"reverse\": \"true\"}"))
                .isInstanceOf(StrategySyntaxException.class).hasMessageContaining("(at reverse)");
        assertThatCode(() -> StrategyJson.fromJson("{" + entry + ", \"pyramiding\": 2, "
                + "\"risk\": {\"stop_loss\": {\"percent\": 2}}}")).doesNotThrowAnyException();
    }

    // minor: a monthly dataset is described in months

    @Test
    void monthlyBarsAreDescribedInMonths() {
        StrategyDefinition strategy = StrategyText.parse("entry: close > OPENING_RANGE_high(30)\nmax_bars: 5");

        assertThat(StrategyValidator.validate(strategy, Duration.ofSeconds(Math.round(365.2425 / 12 * 86_400))))
                .singleElement().extracting(Violation::message).asString().contains("1 month(s) long");
    }
}
