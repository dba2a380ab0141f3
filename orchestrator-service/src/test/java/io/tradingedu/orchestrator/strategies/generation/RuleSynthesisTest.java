package io.tradingedu.orchestrator.strategies.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.orchestrator.concepts.ConceptExtractor;
import io.tradingedu.orchestrator.concepts.TextEvidence;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSynthesisTest {

    private static Synthesis synthesise(TextEvidence... units) {
        return RuleSynthesis.synthesise(new ConceptExtractor().extract(List.of(units)).stream()
                .map(c -> new LessonConcept(null, null, c)).toList());
    }

    private static TextEvidence said(double at, String text) {
        return new TextEvidence(text, at, at + 8, 1, "transcript");
    }

    @Test
    void twoStrategiesTaughtOneAfterTheOtherAreTwoCandidates() {
        Synthesis result = synthesise(
                said(10, "Our first setup: buy when the RSI drops below 30 and sell when it rises above 70."),
                said(25, "Use a two percent stop on it."),
                said(40, "The second setup: go long when the 9 EMA crosses above the 21 EMA."),
                said(50, "Exit when the 9 EMA crosses below the 21 EMA."));

        assertThat(result.candidates()).extracting(Candidate::text).satisfiesExactly(
                first -> assertThat(first).contains("entry: RSI(14) < 30", "exit: RSI(14) > 70", "stop_loss: 2%")
                        .doesNotContain("EMA"),
                second -> assertThat(second).contains("entry: EMA(9) crosses above EMA(21)",
                        "exit: EMA(9) crosses below EMA(21)").doesNotContain("stop_loss"));
    }

    @Test
    void aLongSilenceStartsANewStrategy() {
        Synthesis result = synthesise(said(10, "Buy when the RSI drops below 30."),
                said(400, "Exit when the close crosses below the 20-day moving average."));

        assertThat(result.candidates()).hasSize(1);
        assertThat(result.candidates().getFirst().text()).doesNotContain("SMA(20)");
        assertThat(result.notes()).singleElement().satisfies(n -> assertThat(n).startsWith("no entry taught for exit "
                + "close crosses below SMA(20)"));
    }

    @Test
    void whatTheLessonLeftUnstatedIsAssumedAndItsParametersLeftOpen() {
        Candidate c = synthesise(said(0, "Buy when the RSI is oversold.")).candidates().getFirst();

        assertThat(c.text()).contains("entry: RSI(14) < 30", "stop_loss: 2 ATR(14)", "take_profit: 2R");
        assertThat(c.assumed()).extracting(Candidate.Assumed::field).containsExactly("entry.left.params.period",
                "entry.right.constant", "risk.stop_loss", "risk.take_profit", "sizing.fraction_of_equity");
        assertThat(c.assumed()).extracting(a -> String.valueOf(a.value())).containsExactly("14.0", "30.0",
                "{\"atr_multiple\":2.0,\"atr_period\":14}", "{\"r_multiple\":2.0}", "1.0");
        assertThat(c.tuning()).satisfiesExactly(
                rsi -> {
                    assertThat(rsi.paths()).containsExactly("entry.left.params.period");
                    assertThat(List.of(rsi.from(), rsi.to(), rsi.step())).containsExactly(7.0, 28.0, 4.0);
                },
                stop -> assertThat(stop.paths()).containsExactly("risk.stop_loss.atr_multiple"));
    }

    @Test
    void oneOpenAverageInEntryAndExitSharesOneSweptValue() {
        Candidate c = synthesise(said(0, "Buy when price crosses above a short moving average and sell when it "
                + "crosses back below.")).candidates().getFirst();

        assertThat(c.tuning()).singleElement().satisfies(t -> assertThat(t.paths())
                .containsExactly("entry.right.params.period", "exit.right.params.period"));
        assertThat(c.assumed()).extracting(Candidate.Assumed::field).containsExactly("entry.right.params.period",
                "risk.stop_loss", "sizing.fraction_of_equity");
        assertThat(c.assumed()).filteredOn(a -> a.field().equals("risk.stop_loss")).singleElement()
                .satisfies(a -> assertThat(a.value()).isNull());
    }

    @Test
    void aLessonWithNothingTradableSaysWhy() {
        assertThat(synthesise(said(0, "This is a textbook head and shoulders."), said(9, "A hammer at the lows."))
                .notes()).singleElement().satisfies(n -> assertThat(n)
                .contains("only chart and candlestick patterns (head_and_shoulders, hammer)"));
        assertThat(synthesise(said(0, "Trading is a marathon, not a sprint.")).notes()).singleElement()
                .satisfies(n -> assertThat(n).contains("states no trading concept"));
        assertThat(synthesise(said(0, "The RSI and the MACD on the daily chart.")).notes()).singleElement()
                .satisfies(n -> assertThat(n).contains("no entry condition was taught").contains("indicator"));
        Synthesis exitOnly = synthesise(said(0, "Exit when RSI(14) is above 70."));
        assertThat(exitOnly.candidates()).isEmpty();
        assertThat(exitOnly.notes()).singleElement().satisfies(n -> assertThat(n).contains("no entry taught"));
    }

    @Test
    void everyCandidatePassesTheValidatorAndReadsBackFromItsText() {
        List<TextEvidence> units = new ArrayList<>();
        for (var row : StrategyQualityTableTest.TABLE) {
            units.add(said(units.size() * 200.0, row.phrase()));
        }
        Synthesis result = synthesise(units.toArray(TextEvidence[]::new));

        assertThat(result.candidates()).hasSizeGreaterThanOrEqualTo(15);
        for (Candidate c : result.candidates()) {
            assertThat(io.tradingedu.shared.strategy.StrategyValidator.validate(c.definition())).isEmpty();
            assertThat(io.tradingedu.shared.strategy.StrategyText.parse(c.text())).isEqualTo(c.definition());
        }
    }
}
