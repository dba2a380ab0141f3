package io.tradingedu.embeddings.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HybridSearchFusionTest {

    private static final UUID MEDIA = UUID.randomUUID();

    @Test
    void aPassageBothRankingsFindOutranksOnesFoundByOne() {
        Candidate both = candidate(1, 0.70, null);
        Candidate vectorOnly = candidate(2, 0.80, null);
        Candidate textOnly = candidate(3, 0.20, 0.5);

        List<SearchHit> hits = HybridSearch.fuse(60, List.of(
                new HybridSearch.Ranking("vector", 1.0, List.of(vectorOnly, both)),
                new HybridSearch.Ranking("text", 1.0, List.of(textOnly, candidate(1, 0.70, 0.3)))));

        assertThat(hits).extracting(SearchHit::text).containsExactly("passage 1", "passage 2", "passage 3");
        assertThat(hits.getFirst().matchedBy()).containsExactly("vector", "text");
        assertThat(hits.getFirst().score()).isEqualTo(1.0 / 62 + 1.0 / 62, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(hits.getFirst().textRank()).isEqualTo(0.3);
        assertThat(hits.get(1).textRank()).isNull();
    }

    @Test
    void weightsScaleWhatARankingsRanksCountAndEveryRankingIsNamed() {
        Candidate first = candidate(1, 0.50, 0.9);
        Candidate second = candidate(2, 0.60, null);

        List<SearchHit> hits = HybridSearch.fuse(20, List.of(
                new HybridSearch.Ranking("vector", 1.0, List.of(second, first)),
                new HybridSearch.Ranking("text", 0.3, List.of(first)),
                new HybridSearch.Ranking("keyword", 0.5, List.of(first))));

        // passage 1: 1/22 + 0.3/21 + 0.5/21 beats passage 2's 1/21
        assertThat(hits).extracting(SearchHit::text).containsExactly("passage 1", "passage 2");
        assertThat(hits.getFirst().score()).isEqualTo(1.0 / 22 + 0.8 / 21, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(hits.getFirst().matchedBy()).containsExactly("vector", "text", "keyword");
    }

    @Test
    void aRankingWithoutWeightOnlyNamesItsPassages() {
        List<SearchHit> hits = HybridSearch.fuse(60, List.of(
                new HybridSearch.Ranking("vector", 1.0, List.of(candidate(1, 0.5, null))),
                new HybridSearch.Ranking("text", 0.0, List.of(candidate(2, 0.4, 0.7)))));

        assertThat(hits).extracting(SearchHit::text).containsExactly("passage 1", "passage 2");
        assertThat(hits.get(1).score()).isZero();
    }

    @Test
    void playLinksPointAtTheClipOrTheMomentOfTheVideo() {
        UUID clip = UUID.randomUUID();
        Candidate clipHit = new Candidate(7, "clip", MEDIA, clip, 12, 30, 12, "c", List.of(), 0.5, null);
        Candidate moment = new Candidate(8, "transcript", MEDIA, null, 62.25, 90, 62.25, "t", List.of(), 0.5, null);
        Candidate slide = new Candidate(9, "frame", MEDIA, UUID.randomUUID(), 30, 55, 41.0, "f", List.of(), 0.5, null);

        assertThat(PlayLinks.of(clipHit)).isEqualTo("/clip/" + clip + "/download");
        assertThat(PlayLinks.of(moment)).isEqualTo("/media_items/" + MEDIA + "/video#t=62.3");
        assertThat(PlayLinks.of(slide)).as("a frame plays from the second it was shown")
                .isEqualTo("/media_items/" + MEDIA + "/video#t=41.0");
    }

    private static Candidate candidate(long id, double similarity, Double textRank) {
        return new Candidate(id, "transcript", MEDIA, null, id * 10, id * 10 + 20, id * 10, "passage " + id, List.of(),
                similarity, textRank);
    }
}
