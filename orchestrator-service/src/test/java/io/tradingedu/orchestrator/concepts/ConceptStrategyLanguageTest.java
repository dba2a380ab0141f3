package io.tradingedu.orchestrator.concepts;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.shared.strategy.Condition;
import io.tradingedu.shared.strategy.RuleParser;
import io.tradingedu.shared.strategy.StrategyDefinition;
import io.tradingedu.shared.strategy.StrategyJson;
import io.tradingedu.shared.strategy.StrategyText;
import io.tradingedu.shared.strategy.StrategyValidator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The concepts speak the strategy language: their JSON and text read back through shared-model's own readers. */
class ConceptStrategyLanguageTest {

    private static final List<String> LESSON = List.of(
            "When the RSI dips under thirty you want to be looking for longs.",
            "Exit when RSI(14) is above 70.",
            "Buy when the fifty day moving average crosses above the two hundred day.",
            "Sell short when price closes below the lower Bollinger band.",
            "If price closes above the upper Bollinger bands 20 2.5 I exit.",
            "Only take trades when price is above the two hundred day moving average.",
            "When the RSI is oversold, look to buy, and sell when it is overbought.",
            "The stochastic fourteen three is overbought.",
            "A golden cross is a classic buy signal, a death cross a sell signal.",
            "When the MACD crosses above the signal line, go long.",
            "The MACD histogram crossing below zero is your exit.",
            "When the 9 EMA crosses above the 21 EMA I get in.",
            "Go short when the RSI crosses below seventy.",
            "An ADX above 25 means a trend.",
            "The two hundred day moving average is rising while the 50-day is falling.",
            "On the one hour chart the price crosses above VWAP.",
            "Williams %R below -80 is oversold, CCI above 100 is overbought.",
            "the 50 crosses above the 200 on the weekly",
            "Put a stop loss of two percent below your entry and take profit at two R.",
            "A one point five ATR(14) stop loss, a trailing stop of three percent, hold for at most 20 bars.",
            "I aim for a risk reward of one to three and never risk more than one percent of the account.");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Concept> concepts = new ConceptExtractor().extract(LESSON.stream()
            .map(text -> new TextEvidence(text, 0, 1, 1, "transcript")).toList());

    @Test
    void theLessonYieldsConditionsOfEveryType() {
        assertThat(conditions()).extracting(Concept::name).contains("below", "above", "crosses_above",
                "crosses_below", "rising", "falling");
        assertThat(conditions()).hasSizeGreaterThanOrEqualTo(LESSON.size() - 3);
    }

    @Test
    void everyConditionsJsonReadsBackThroughStrategyJsonAsAValidCondition() {
        for (Concept concept : conditions()) {
            Condition condition = readBack(concept);

            assertThat(StrategyValidator.validate(strategy(condition))).as(concept.textForm()).isEmpty();
            assertThat(JSON.convertValue(StrategyJson.toTree(strategy(condition)).get("entry"), Map.class))
                    .as(concept.textForm()).isEqualTo(concept.details().get("condition"));
        }
    }

    @Test
    void everyConditionsTextParsesBackToTheSameCondition() {
        for (Concept concept : conditions()) {
            Condition fromJson = readBack(concept);

            assertThat(RuleParser.parse(concept.textForm())).as(concept.textForm()).isEqualTo(fromJson);
            assertThat(StrategyText.parse("entry: " + concept.textForm()).entry()).isEqualTo(fromJson);
        }
    }

    @Test
    void riskRulesAndDirectionsAreStrategyTextLines() {
        List<Concept> lines = concepts.stream().filter(c -> c.kind().equals("risk_rule")
                || c.kind().equals("direction")).toList();
        assertThat(lines).extracting(Concept::name).contains("stop_loss", "take_profit", "risk_reward",
                "trailing_stop", "position_risk", "max_holding", "long", "short");

        for (Concept line : lines) {
            StrategyDefinition strategy = StrategyText.parse("entry: RSI(14) < 30\n" + line.textForm());
            assertThat(strategy).as(line.textForm()).isNotNull();
        }
        StrategyDefinition stop = StrategyText.parse("entry: RSI(14) < 30\n" + textOf("stop_loss", 0));
        assertThat(stop.risk().stopLoss().percent()).isEqualTo(2.0);
        StrategyDefinition size = StrategyText.parse("entry: RSI(14) < 30\n" + textOf("position_risk", 0));
        assertThat(size.sizing().riskPerTrade()).isEqualTo(0.01);
    }

    @Test
    void indicatorTextFormsParseAsExpressions() {
        for (Concept indicator : concepts.stream().filter(c -> c.kind().equals("indicator")).toList()) {
            assertThat(RuleParser.parse(indicator.textForm() + " > 0")).as(indicator.textForm())
                    .isInstanceOf(Condition.Above.class);
        }
    }

    private String textOf(String name, int index) {
        return concepts.stream().filter(c -> c.name().equals(name)).toList().get(index).textForm();
    }

    private List<Concept> conditions() {
        return concepts.stream().filter(c -> c.kind().equals("condition")).toList();
    }

    private static Condition readBack(Concept concept) {
        var tree = JSON.valueToTree(Map.of("entry", concept.details().get("condition"), "risk", Map.of("max_bars", 1)));
        return StrategyJson.fromTree(tree).entry();
    }

    private static StrategyDefinition strategy(Condition condition) {
        return new StrategyDefinition(StrategyDefinition.VERSION, null, null, condition, null,
                new io.tradingedu.shared.strategy.Risk(null, null, null, 1), null, null);
    }
}
