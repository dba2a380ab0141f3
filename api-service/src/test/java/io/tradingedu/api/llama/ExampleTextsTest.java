package io.tradingedu.api.llama;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** How rows become examples: responses are what the stages found, inputs the lesson's own words. */
class ExampleTextsTest {

    static final BiFunction<UUID, Double, String> PLAY = (media, second) -> "/m/" + media + "#t=" + second;

    @Test
    void aStrategyBecomesItsCompactTextGroundedInItsQuotedEvidence() {
        UUID id = UUID.randomUUID();
        UUID media = UUID.randomUUID();
        ExampleRows.StrategyRow row = new ExampleRows.StrategyRow(id, media, "RSI(2) pullback",
                "entry: RSI(2) < 5 and close > SMA(200)\nexit: close > SMA(5)", "promoted", List.of(
                new ExampleRows.Evidence("the 2-period RSI closes under 5", 75.0, 80.0),
                new ExampleRows.Evidence(null, 10.0, 12.0),
                new ExampleRows.Evidence("exit when price closes above the 5-day moving average", 95.4, 101.0)));

        Example example = ExampleTexts.strategy(row, PLAY);

        assertThat(example.instruction()).isEqualTo("Write the trading strategy this lesson teaches as complete "
                + "rules in the strategy language.");
        assertThat(example.input()).isEqualTo("[1:15] the 2-period RSI closes under 5\n"
                + "[1:35] exit when price closes above the 5-day moving average");
        assertThat(example.response()).isEqualTo("entry: RSI(2) < 5 and close > SMA(200)\nexit: close > SMA(5)");
        assertThat(example.source()).isEqualTo(new Example.Source("strategy", media, 75.0, 101.0, id, null, null,
                "promoted", "/m/" + media + "#t=75.0"));
    }

    @Test
    void aStrategyWithoutQuotedEvidenceMakesNoExample() {
        ExampleRows.StrategyRow row = new ExampleRows.StrategyRow(UUID.randomUUID(), UUID.randomUUID(), "s",
                "entry: RSI(2) < 5", null, List.of(new ExampleRows.Evidence(" ", 1.0, 2.0)));

        assertThat(ExampleTexts.strategy(row, PLAY)).isNull();
    }

    @Test
    void aLongExcerptIsCutAtWordsAroundTheKeyword() {
        String text = "word ".repeat(600) + "the RSI crosses 30 " + "tail ".repeat(600);

        String cut = ExampleTexts.cut(text, "rsi");

        assertThat(cut.length()).isLessThanOrEqualTo(ExampleTexts.MAX_INPUT_CHARS + 2);
        assertThat(cut).startsWith("…word").endsWith("tail…").contains("the RSI crosses 30");
        assertThat(ExampleTexts.cut("  short   text ", null)).isEqualTo("short text");
    }
}
