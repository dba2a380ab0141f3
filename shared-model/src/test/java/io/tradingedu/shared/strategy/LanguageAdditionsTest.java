package io.tradingedu.shared.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.tradingedu.shared.strategy.Expression.Constant;
import io.tradingedu.shared.strategy.Expression.IndicatorRef;
import io.tradingedu.shared.strategy.Expression.Price;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The additions of issue 9: every one in the text, the JSON, the schema, the formatter and the validator. */
class LanguageAdditionsTest {

    private static final Price CLOSE = new Price(PriceField.CLOSE);
    private static final Price HIGH = new Price(PriceField.HIGH);
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(StrategySchema.json());
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final String TURTLE = """
            name: 20-day breakout
            entry_stop: HIGHEST(high, 20)[1]
            exit_stop: LOWEST(low, 10)[1]
            stop_loss: 2 ATR(20)
            pyramiding: 4
            size: 25%
            """;

    private static List<Violation> violationsOf(String text) {
        return StrategyValidator.validate(StrategyText.parse(text));
    }

    @Test
    void readsValuesOfEarlierBars() {
        assertThat(RuleParser.parse("close > close[1]")).isEqualTo(new Condition.Above(CLOSE, Expressions.lag(CLOSE, 1)));
        assertThat(RuleParser.parse("SMA(20)[5] < SMA(20)")).isEqualTo(new Condition.Below(
                Expressions.lag(IndicatorRef.of("SMA", Map.of("period", 20.0)), 5),
                IndicatorRef.of("SMA", Map.of("period", 20.0))));
        assertThat(RuleParser.parseExpression("HIGHEST(high, 20)[1]")).isEqualTo(Expressions.lag(
                new IndicatorRef("HIGHEST", Map.of("period", 20.0), null, HIGH), 1));
        assertThatThrownBy(() -> RuleParser.parse("close > close[0]"))
                .hasMessageContaining("column 15: the number of bars must be a whole number of at least 1");
        assertThat(StrategyValidator.validate(StrategyText.parse("entry: close > close[6000]\nmax_bars: 2")))
                .extracting(Violation::path).containsExactly("entry.right.params.bars");
    }

    @Test
    void readsTheNewIndicators() {
        assertThat(RuleParser.parseExpression("LOWEST(low, 10)"))
                .isEqualTo(new IndicatorRef("LOWEST", Map.of("period", 10.0), null, new Price(PriceField.LOW)));
        assertThat(RuleParser.parseExpression("RANGE")).isEqualTo(IndicatorRef.of("RANGE", Map.of()));
        assertThat(RuleParser.parseExpression("BB_width(20, 2)"))
                .isEqualTo(new IndicatorRef("BOLLINGER", Map.of("period", 20.0, "k", 2.0), "width", null));
        assertThat(RuleParser.parseExpression("SUPERTREND(10, 3)"))
                .isEqualTo(IndicatorRef.of("SUPERTREND", Map.of("period", 10.0, "multiplier", 3.0)));
        assertThat(RuleParser.parseExpression("CONNORS_RSI(3, 2, 100)")).isEqualTo(IndicatorRef.of("CONNORS_RSI",
                Map.of("rsi_period", 3.0, "streak_period", 2.0, "rank_period", 100.0)));
        assertThat(RuleParser.parseExpression("OPENING_RANGE_high(30)"))
                .isEqualTo(new IndicatorRef("OPENING_RANGE", Map.of("minutes", 30.0), "high", null));
        assertThat(RuleParser.parseExpression("OPENING_RANGE(15).low"))
                .isEqualTo(new IndicatorRef("OPENING_RANGE", Map.of("minutes", 15.0), "low", null));
    }

    @Test
    void highestWithoutASeriesReadsTheHighsAsBefore() {
        IndicatorRef highest = (IndicatorRef) Expressions.normalize(RuleParser.parseExpression("HIGHEST(20)"));
        IndicatorRef lowest = (IndicatorRef) Expressions.normalize(RuleParser.parseExpression("LOWEST(20)"));

        assertThat(highest.input()).isEqualTo(HIGH);
        assertThat(lowest.input()).isEqualTo(new Price(PriceField.LOW));
    }

    @Test
    void readsWithinTheLastBars() {
        Condition dip = RuleParser.parse("RSI(2) < 5");

        assertThat(RuleParser.parse("RSI(2) < 5 within 3 bars")).isEqualTo(new Condition.Within(3, dip));
        assertThat(RuleParser.parse("RSI(2) < 5 within 3 bars and close > SMA(200)")).isEqualTo(new Condition.AllOf(
                List.of(new Condition.Within(3, dip), RuleParser.parse("close > SMA(200)"))));
        assertThat(RuleParser.parse("(RSI(2) < 5 or close < 1) within 2"))
                .isEqualTo(new Condition.Within(2, RuleParser.parse("RSI(2) < 5 or close < 1")));
        assertThatThrownBy(() -> RuleParser.parse("RSI(2) < 5 within bars"))
                .hasMessageContaining("expected the number of bars after 'within'");
    }

    @Test
    void readsSignedConstantsAfterAnyOperator() {
        IndicatorRef cci = IndicatorRef.of("CCI", Map.of("period", 20.0));

        assertThat(RuleParser.parse("CCI(20) crosses under -100")).isEqualTo(new Condition.CrossesBelow(cci,
                new Constant(-100)));
        assertThat(RuleParser.parse("CCI(20) crosses over +100")).isEqualTo(new Condition.CrossesAbove(cci,
                new Constant(100)));
        assertThat(RuleParser.parse("CCI(20) > +100")).isEqualTo(new Condition.Above(cci, new Constant(100)));
        assertThat(RuleParser.parse("CCI(20) between -100 and +100")).isEqualTo(new Condition.Between(cci,
                new Constant(-100), new Constant(100)));
        assertThat(RuleParser.parse("CCI(20)>-100")).isEqualTo(new Condition.Above(cci, new Constant(-100)));
    }

    @Test
    void readsStopOrdersReversalAndPyramiding() {
        StrategyDefinition turtle = StrategyText.parse(TURTLE);
        StrategyDefinition sar = StrategyText.parse("entry: close > PSAR\nexit_stop: PSAR\nreverse: true");

        assertThat(turtle.entry()).isNull();
        assertThat(turtle.entryStop()).isEqualTo(RuleParser.parseExpression("HIGHEST(high, 20)[1]"));
        assertThat(turtle.exitStop()).isEqualTo(RuleParser.parseExpression("LOWEST(low, 10)[1]"));
        assertThat(turtle.pyramiding()).isEqualTo(4);
        assertThat(turtle.maxUnits()).isEqualTo(4);
        assertThat(StrategyValidator.validate(turtle)).isEmpty();
        assertThat(sar.reverses()).isTrue();
        assertThat(StrategyValidator.validate(sar)).isEmpty();
        assertThat(StrategyText.parse("entry: close > 1\nmax_bars: 2\nreverse: false"))
                .isEqualTo(StrategyText.parse("entry: close > 1\nmax_bars: 2"));
        assertThatThrownBy(() -> StrategyText.parse("exit: close > 1"))
                .hasMessageContaining("an 'entry:' or 'entry_stop:' line is required");
        assertThatThrownBy(() -> StrategyText.parse("entry: close > 1\npyramiding: 2.5"))
                .hasMessageContaining("line 2").hasMessageContaining("whole number");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            TURTLE,
            "direction: short\nentry: CCI(20) crosses under -100 within 2 bars\nexit_stop: SUPERTREND(10, 3)\n"
                    + "reverse: true\nstop_loss: 3%",
            "entry: BB_width(20, 2) < 0.05 and close > BB_upper(20, 2) and RANGE > RANGE[1]\n"
                    + "entry: not (CONNORS_RSI(3, 2, 100) > 90 within 3 bars)\nexit: close < SMA(close[1], 5)\n"
                    + "entry_stop: high[1]\nexit_stop: LOWEST(SMA(10), 5)",
            "entry: close > OPENING_RANGE_high(30) and close < OPENING_RANGE(30).low[1] and HIGHEST(close, 5)[2] > 0\n"
                    + "exit: not close > 1 within 2 bars\nmax_bars: 10\npyramiding: 1",
            "entry: LAG(close, bars=3) > LAG(close) and LAG(SMA(5), 2) > 1\nmax_bars: 3"
    })
    void everyAdditionSurvivesTextJsonAndTheSchema(String text) {
        StrategyDefinition strategy = StrategyText.parse(text);

        JsonNode json = StrategyJson.toTree(strategy);

        assertThat(StrategyValidator.validate(strategy)).isEmpty();
        assertThat(StrategyText.parse(StrategyFormatter.format(strategy))).isEqualTo(strategy);
        assertThat(StrategyJson.fromTree(json)).isEqualTo(strategy);
        assertThat(SCHEMA.validate(json)).isEmpty();
    }

    @Test
    void writesTheWireFormOfTheDesign() {
        JsonNode json = StrategyJson.toTree(StrategyText.parse(
                "entry: RSI(2) < 5 within 3 bars\nentry_stop: close[1]\nexit_stop: PSAR\nreverse: true\npyramiding: 2\n"
                        + "size: 50%"));

        assertThat(json.get("entry").get("type").asString()).isEqualTo("within");
        assertThat(json.get("entry").get("bars").asInt()).isEqualTo(3);
        assertThat(json.get("entry_stop")).isEqualTo(MAPPER.readTree(
                "{\"indicator\": \"LAG\", \"params\": {\"bars\": 1.0}, \"input\": {\"price\": \"close\"}}"));
        assertThat(json.get("reverse").asBoolean()).isTrue();
        assertThat(json.get("pyramiding").asInt()).isEqualTo(2);
    }

    @Test
    void schemaRequiresAnEntryRuleOrAnEntryStop() {
        JsonNode neither = MAPPER.readTree("{\"exit_stop\": {\"price\": \"low\"}}");
        JsonNode stopOnly = MAPPER.readTree("{\"entry_stop\": {\"price\": \"high\"}, \"exit_stop\": {\"price\": \"low\"}}");
        JsonNode tooManyUnits = MAPPER.readTree("{\"entry_stop\": {\"price\": \"high\"}, \"pyramiding\": 101}");

        assertThat(SCHEMA.validate(neither)).isNotEmpty();
        assertThat(SCHEMA.validate(stopOnly)).isEmpty();
        assertThat(SCHEMA.validate(tooManyUnits)).isNotEmpty();
    }

    @Test
    void refusesBreakoutsAboveALevelThatIncludesTheCurrentBar() {
        assertThat(violationsOf("entry: close > DONCHIAN_upper(20)\nexit: close < SMA(10)")).singleElement()
                .satisfies(v -> {
                    assertThat(v.path()).isEqualTo("entry");
                    assertThat(v.message()).contains("can never be true", "HIGHEST(high, 20)[1]");
                });
        assertThat(violationsOf("entry: close > HIGHEST(high, 20)\nexit: close < SMA(10)")).singleElement()
                .extracting(Violation::message).asString()
                .startsWith("'close > HIGHEST(high, 20)' can never be true").endsWith("HIGHEST(high, 20)[1]");
        assertThat(violationsOf("entry: close > 1\nexit: close crosses below LOWEST(10)")).singleElement()
                .satisfies(v -> {
                    assertThat(v.path()).isEqualTo("exit");
                    assertThat(v.message()).endsWith("LOWEST(low, 10)[1]");
                });
        // an alternative that can never be true leaves the other one: the rule can still trade
        assertThat(violationsOf("entry: RSI(2) < 5 or SMA(5) > HIGHEST(SMA(5), 10)\nmax_bars: 2")).isEmpty();
        assertThat(violationsOf("entry: RSI(2) < 5 and SMA(5) > HIGHEST(SMA(5), 10)\nmax_bars: 2")).singleElement()
                .extracting(Violation::path).isEqualTo("entry.conditions[1]");
        assertThat(violationsOf("entry: DONCHIAN_lower(20) > low\nmax_bars: 2")).singleElement()
                .extracting(Violation::message).asString().endsWith("LOWEST(low, 20)[1]");
        assertThat(violationsOf("entry: close > HIGHEST(high, 20)[1]\nexit: close < LOWEST(low, 10)[1]")).isEmpty();
        assertThat(violationsOf("entry: close > HIGHEST(close, 20)[1] and volume > HIGHEST(high, 5)\nmax_bars: 2"))
                .isEmpty();
    }

    @Test
    void checksStopOrdersReversalAndPyramiding() {
        assertThat(violationsOf("entry: close > 1\nmax_bars: 2\nreverse: true"))
                .containsExactly(new Violation("reverse",
                        "stop and reverse needs exit_stop: the level where the position turns, e.g. PSAR"));
        assertThat(violationsOf("entry: close > 1\nmax_bars: 2\npyramiding: 3")).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("size: 33%"));
        assertThat(violationsOf("entry: close > 1\nmax_bars: 2\npyramiding: 0\nsize: 10%"))
                .extracting(Violation::path).containsExactly("pyramiding");
        assertThat(violationsOf("entry_stop: SMA(0)\nexit_stop: low[1]")).extracting(Violation::path)
                .containsExactly("entry_stop.params.period");
        assertThat(violationsOf("entry: close > 1 within 6000 bars\nmax_bars: 2")).extracting(Violation::path)
                .containsExactly("entry.bars");
        assertThat(violationsOf("entry_stop: high[1]")).extracting(Violation::path).containsExactly("exit");
        assertThat(violationsOf("entry: RSI(2) > 100 within 3 bars\nmax_bars: 2")).extracting(Violation::message)
                .singleElement().asString().contains("can never be true");
    }

    @Test
    void theOpeningRangeNeedsIntradayBarsThatDivideItsMinutes() {
        StrategyDefinition strategy = StrategyText.parse("entry: close > OPENING_RANGE_high(30)\nmax_bars: 5");

        assertThat(StrategyValidator.validate(strategy, Duration.ofMinutes(5))).isEmpty();
        assertThat(StrategyValidator.validate(strategy, Duration.ofDays(1))).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("entry.right");
            assertThat(v.message()).isEqualTo(
                    "OPENING_RANGE needs intraday bars; these bars are 1 day(s) long, so a session has no opening range");
        });
        assertThat(StrategyValidator.validate(strategy, Duration.ofHours(1))).singleElement()
                .extracting(Violation::path).isEqualTo("entry.right.params.minutes");
        assertThatThrownBy(() -> StrategyValidator.requireValid(strategy, Duration.ofDays(30)))
                .isInstanceOf(InvalidStrategyException.class).hasMessageContaining("needs intraday bars");
    }

    @Test
    void oldStrategiesReadAndWriteAsBefore() {
        String json = """
                {"entry":{"type":"crosses_above","left":{"indicator":"SMA","params":{"period":50.0}},\
                "right":{"indicator":"SMA","params":{"period":200.0}}},"exit":{"type":"crosses_below",\
                "left":{"indicator":"SMA","params":{"period":50.0}},"right":{"indicator":"SMA","params":{"period":200.0}}}}""";

        StrategyDefinition strategy = StrategyJson.fromJson(json);

        assertThat(StrategyJson.toJson(strategy)).doesNotContain("entry_stop", "exit_stop", "reverse", "pyramiding");
        assertThat(strategy).isEqualTo(new StrategyDefinition(1, null, null, strategy.entry(), strategy.exit(), null,
                null, null));
    }
}
