package io.tradingedu.orchestrator.processvideo.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bias on Debian's real {@code en-us.lm.bin} (package pocketsphinx-en-us). */
class TradingLanguageModelTest {

    static final Path EN_US = TranscriptionProperties.defaults().pocketsphinx().lm();
    static SphinxTrieLm plain;

    @TempDir
    Path dir;

    @BeforeAll
    static void readModel() throws Exception {
        plain = SphinxTrieLm.read(EN_US);
    }

    @Test
    void readsAndWritesTheTrieFormatWithoutLosingAnNgram() throws Exception {
        assertThat(plain.unigrams()).isEqualTo(72_547);
        assertThat(plain.bigrams()).isEqualTo(2_051_541);
        assertThat(plain.trigramWord).hasSize(1_669_625);
        assertThat(log10(plain, "'bout")).isCloseTo(-6.2831, within(1e-4));

        Path copy = dir.resolve("copy.lm.bin");
        plain.write(copy);
        SphinxTrieLm again = SphinxTrieLm.read(copy);

        assertThat(again.words).isEqualTo(plain.words);
        assertThat(again.unigramProb).isEqualTo(plain.unigramProb);
        assertThat(again.unigramNext).isEqualTo(plain.unigramNext);
        assertThat(again.bigramWord).isEqualTo(plain.bigramWord);
        assertThat(again.bigramProb).isEqualTo(plain.bigramProb);
        assertThat(again.bigramBackoff).isEqualTo(plain.bigramBackoff);
        assertThat(again.bigramNext).isEqualTo(plain.bigramNext);
        assertThat(again.trigramWord).isEqualTo(plain.trigramWord);
        assertThat(again.trigramProb).isEqualTo(plain.trigramProb);
    }

    @Test
    void boostRaisesTradingPhrasesAddsMissingOnesAndLeavesOtherLanguageAlone() throws Exception {
        SphinxTrieLm lm = SphinxTrieLm.read(EN_US);
        assertThat(bigram(lm, "strength", "index")).as("missing from the plain model").isNegative();

        int added = TradingLanguageModel.bias(lm, TradingVocabulary.PHRASES, 1.0);

        assertThat(added).isPositive();
        assertThat(bigramLog10(lm, "stop", "loss") - bigramLog10(plain, "stop", "loss")).isCloseTo(1.0, within(0.01));
        assertThat(bigram(lm, "strength", "index")).isNotNegative();
        assertThat(bigramLog10(lm, "strength", "index")).isGreaterThan(bigramLog10(plain, "strength", "index") + 0.9);
        assertThat(bigramLog10(lm, "the", "weather")).isCloseTo(bigramLog10(plain, "the", "weather"), within(0.01));
        // the history "stop" gave its other continuations' mass to "loss": backing off from it got cheaper
        assertThat(backoff(lm, "stop")).isLessThan(backoff(plain, "stop"));
        assertThat(bigramLog10(lm, "stop", "last")).isLessThan(bigramLog10(plain, "stop", "last"));
        assertThat(bigramLog10(lm, "stop", "loss")).isGreaterThan(bigramLog10(lm, "stop", "last"));
    }

    @Test
    void modelIsBuiltOnceForParallelRequestsAndThenReused() throws Exception {
        Callable<Path> build = () -> TradingLanguageModel.biased(EN_US, 1.0, dir);
        List<Future<Path>> results;
        try (var pool = Executors.newFixedThreadPool(3)) {
            results = pool.invokeAll(List.of(build, build, build));
        }
        Path model = results.getFirst().get();
        for (Future<Path> result : results) {
            assertThat(result.get()).isEqualTo(model);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).as("no partial files are left").containsExactly(model);
        }
        FileTime built = Files.getLastModifiedTime(model);

        assertThat(TradingLanguageModel.biased(EN_US, 1.0, dir)).isEqualTo(model);
        assertThat(Files.getLastModifiedTime(model)).isEqualTo(built);
        assertThat(TradingLanguageModel.biased(EN_US, 0.5, dir)).as("another boost is another model")
                .isNotEqualTo(model);
        assertThat(SphinxTrieLm.read(model).bigrams()).isGreaterThan(plain.bigrams());
    }

    private static double log10(SphinxTrieLm lm, String word) {
        return lm.unigramProb[lm.id(word)] * SphinxTrieLm.LOG10_OF_BASE;
    }

    private static double backoff(SphinxTrieLm lm, String word) {
        return lm.unigramBackoff[lm.id(word)] * SphinxTrieLm.LOG10_OF_BASE;
    }

    private static int bigram(SphinxTrieLm lm, String earlier, String later) {
        return lm.bigram(lm.id(earlier), lm.id(later));
    }

    /** log10 P(later | earlier), backing off to the unigram when the model has no such bigram. */
    private static double bigramLog10(SphinxTrieLm lm, String earlier, String later) {
        int entry = bigram(lm, earlier, later);
        return entry >= 0 ? lm.bigramProbBins[lm.bigramProb[entry]] * SphinxTrieLm.LOG10_OF_BASE
                : backoff(lm, earlier) + log10(lm, later);
    }
}
