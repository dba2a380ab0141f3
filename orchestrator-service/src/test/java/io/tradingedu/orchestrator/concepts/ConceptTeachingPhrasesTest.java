package io.tradingedu.orchestrator.concepts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The classic rules as teachers say them, read by stage 5 (issue 9): channels, levels, "it", windows, units. */
class ConceptTeachingPhrasesTest {

    private final ConceptExtractor extractor = new ConceptExtractor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Buy a 20-day high breakout. | level entry_stop: HIGHEST(high, 20) @entry
            Exit on a 10-day low. | level exit_stop: LOWEST(low, 10) @exit
            Sell short on a break below the 20-day low. | level entry_stop: LOWEST(low, 20) @entry
            Buy when the close is above the 55-day high. | condition close > HIGHEST(high, 55)[1] @entry
            Exit when price closes below the lowest low of the last 10 days. | condition close < LOWEST(low, 10)[1] @exit
            Use a stop two times the 20-day ATR away. | risk_rule stop_loss: 2 ATR(20)
            Add to the position up to 4 units. | risk_rule pyramiding: 4
            the 2-period RSI closes under 5 | condition RSI(2) < 5
            the RSI(2) was below 5 within the last 3 bars | condition RSI(2) < 5 within 3 bars
            OBV has been rising for 5 days | condition OBV rising over 5 bars
            Buy when the CCI crosses above +100. | condition CCI(20) crosses above 100 @entry
            """)
    void readsTheRuleSaidInTheSentence(String sentence, String expected) {
        List<String> found = extractor.extract(List.of(new TextEvidence(sentence, 0, 1, 1, "transcript"))).stream()
                .filter(c -> !c.kind().equals("indicator") && !c.kind().equals("direction"))
                .map(ConceptExtractorTest::summary).toList();

        assertThat(found).containsExactly(expected.strip());
    }

    @Test
    void itStandsForWhatTheSentenceComparedBeforeAndAWhileFilterQualifiesOnlyWhatFollows() {
        List<String> found = extractor.extract(List.of(new TextEvidence("If the 2-period RSI closes under 5 while "
                + "price is above the 200-day average, buy, and sell when it crosses back above 50.", 0, 1, 1,
                "transcript"))).stream().filter(c -> c.kind().equals("condition"))
                .map(ConceptExtractorTest::summary).toList();

        assertThat(found).containsExactly("condition RSI(2) < 5 @entry", "condition close > SMA(200) @filter",
                "condition RSI(2) crosses above 50 @exit");
    }
}
