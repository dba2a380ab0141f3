package io.tradingedu.embeddings.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryTermsTest {

    @Test
    void offersEveryRunOfUpToFourWordsInLowerCase() {
        assertThat(QueryTerms.keywordCandidates("Where does the Stop Loss go?"))
                .contains("stop loss", "stop", "loss", "where does the stop", "does the stop loss")
                .doesNotContain("where does the stop loss", "go?")
                .allSatisfy(term -> assertThat(term).isLowerCase());
    }

    @Test
    void keepsJoinedWordsAndTriesPluralsWithoutTheirS() {
        assertThat(QueryTerms.keywordCandidates("200-day filter on breakouts"))
                .contains("200-day", "200-day filter", "breakouts", "breakout", "on breakout");
        assertThat(QueryTerms.keywordCandidates("loss")).containsExactly("loss");
    }

    @Test
    void punctuationAloneIsNoTermAndLongQueriesAreBounded() {
        assertThat(QueryTerms.keywordCandidates(" -- ?! ")).isEmpty();
        assertThat(QueryTerms.keywordCandidates("word ".repeat(500))).hasSizeLessThanOrEqualTo(QueryTerms.MOST);
    }
}
