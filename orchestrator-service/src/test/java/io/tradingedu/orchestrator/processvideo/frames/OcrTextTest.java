package io.tradingedu.orchestrator.processvideo.frames;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OcrTextTest {

    private static final String HEADER =
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    private static String word(int block, int line, double conf, String text) {
        return "5\t1\t" + block + "\t1\t" + line + "\t1\t0\t0\t10\t10\t" + conf + "\t" + text + "\n";
    }

    @Test
    void joinsWordsIntoLinesAndAveragesConfidence() {
        String tsv = HEADER + "1\t1\t0\t0\t0\t0\t0\t0\t640\t360\t-1\t\n"
                + word(1, 1, 90, "AAPL") + word(1, 1, 80, "Daily")
                + word(2, 1, 70, "RSI(14)") + word(2, 1, 60, "<") + word(2, 1, 100, "30");

        OcrText text = OcrText.fromTsv(tsv);

        assertThat(text.text()).isEqualTo("AAPL Daily\nRSI(14) < 30");
        assertThat(text.confidence()).isEqualTo(0.8);
    }

    @Test
    void dropsNoiseWordsAndLines() {
        String tsv = HEADER + word(1, 1, 30, "|") + word(1, 1, 95, "186.00") + word(1, 1, 20, "~")
                + word(1, 2, 40, "—_") + word(1, 2, 35, "|") + word(1, 3, 25, "EMA") + word(1, 3, 25, "«")
                + word(1, 4, 10, "a") + word(1, 4, 10, ";");

        OcrText text = OcrText.fromTsv(tsv);

        assertThat(text.text()).isEqualTo("186.00\nEMA");
        assertThat(text.confidence()).isEqualTo(0.6);
    }

    @Test
    void pageWithoutWordsIsEmpty() {
        assertThat(OcrText.fromTsv(HEADER + "1\t1\t0\t0\t0\t0\t0\t0\t640\t360\t-1\t\n")).isEqualTo(OcrText.EMPTY);
        assertThat(OcrText.fromTsv("")).isEqualTo(OcrText.EMPTY);
    }

    @Test
    void lineOfMostlySymbolsIsNoise() {
        assertThat(OcrText.isNoise("|| ~~ -- a1")).isTrue();
        assertThat(OcrText.isNoise("RSI(14) < 30")).isFalse();
    }
}
