package io.tradingedu.orchestrator.keywords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordCountsTest {

    private static KeywordHit hit(String keyword, String category, String source) {
        return new KeywordHit(keyword, category, keyword, 0, 1, 1, keyword, source, null);
    }

    @Test
    void countsPerKeywordCategoryAndSourceMostFrequentFirst() {
        KeywordCounts counts = KeywordCounts.of(List.of(
                hit("rsi", "technical_indicator", "transcript"),
                hit("stop loss", "risk_management", "transcript"),
                hit("rsi", "technical_indicator", "ocr"),
                hit("macd", "technical_indicator", "transcript"),
                hit("rsi", "technical_indicator", "transcript")));

        assertThat(counts.byKeyword()).containsExactly(entry("rsi", 3), entry("macd", 1), entry("stop loss", 1));
        assertThat(counts.byCategory()).containsExactly(entry("technical_indicator", 4),
                entry("risk_management", 1));
        assertThat(counts.bySource()).containsExactly(entry("transcript", 4), entry("ocr", 1));
        assertThat(counts.distinctKeywords()).isEqualTo(3);
        assertThat(counts.total()).isEqualTo(5);
    }

    @Test
    void noHitsCountNothing() {
        KeywordCounts counts = KeywordCounts.of(List.of());

        assertThat(counts.byKeyword()).isEmpty();
        assertThat(counts.distinctKeywords()).isZero();
        assertThat(counts.total()).isZero();
    }
}
