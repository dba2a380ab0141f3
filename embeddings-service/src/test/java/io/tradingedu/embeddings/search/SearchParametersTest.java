package io.tradingedu.embeddings.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingedu.embeddings.passage.PassageKind;
import org.junit.jupiter.api.Test;

class SearchParametersTest {

    private static final SearchLimits LIMITS = new SearchLimits(0, 0, 0, 0, 0, 0, null, null, 0, 0, 0);

    @Test
    void defaultsToTenHybridHitsOfEveryType() {
        SearchQuery query = params(" when should I take profits ", null, null, null).validate(LIMITS);

        assertThat(query.text()).isEqualTo("when should I take profits");
        assertThat(query.topK()).isEqualTo(10);
        assertThat(query.kinds()).containsExactlyInAnyOrder(PassageKind.values());
        assertThat(query.mode()).isEqualTo(SearchMode.HYBRID);
    }

    @Test
    void acceptsSingularPluralAndSeveralTypes() {
        assertThat(params("rsi", 5, "transcripts", null).validate(LIMITS).kinds())
                .containsExactly(PassageKind.TRANSCRIPT);
        assertThat(params("rsi", 5, "frame, clips", "TEXT").validate(LIMITS).kinds())
                .containsExactlyInAnyOrder(PassageKind.FRAME, PassageKind.CLIP);
    }

    @Test
    void refusesWhatIsOutOfBoundsNamingTheField() {
        assertRefused(params("   ", null, null, null), "query", "must not be empty");
        assertRefused(params("x".repeat(10_240), null, null, null), "query", "10240 characters");
        assertRefused(params("rsi", 0, null, null), "top_k", "between 1 and 100");
        assertRefused(params("rsi", 10_000, null, null), "top_k", "is 10000");
        assertRefused(params("rsi", 5, "videos", null), "type", "'videos' is not a type");
        assertRefused(params("rsi", 5, null, "fuzzy"), "mode", "'fuzzy' is not a mode");
        assertRefused(params("rsi", 5, ",", null), "type", "names an empty type");
        assertRefused(params("rsi", 5, "clip,", null), "type", "names an empty type");
        assertRefused(params("rsi\u0000", 5, null, null), "query", "U+0000");
        assertRefused(new SearchParameters("rsi", 5, null, null, null, null, 50.0, 10.0, null, null), "from_seconds",
                "after to_seconds");
        assertRefused(new SearchParameters("rsi", 5, null, null, null, null, Double.NaN, null, null, null),
                "from_seconds", "NaN");
        assertRefused(new SearchParameters("rsi", 5, null, null, null, null, null, null, 1.5, null),
                "min_similarity", "between -1 and 1");
        assertRefused(new SearchParameters("rsi", 5, null, null, "k".repeat(101), null, null, null, null, null),
                "keyword", "at most 100");
    }

    private static void assertRefused(SearchParameters parameters, String field, String reason) {
        assertThatThrownBy(() -> parameters.validate(LIMITS)).isInstanceOfSatisfying(BadSearchException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(reason);
        });
    }

    private static SearchParameters params(String query, Integer topK, String type, String mode) {
        return new SearchParameters(query, topK, type, null, null, null, null, null, null, mode);
    }
}
