package io.tradingedu.embeddings.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DJL embedder against langchain4j's own runner of the same ONNX files: same vectors for texts within both
 * runners' limits, batching that changes nothing, and sound behaviour at the edges.
 */
class SentenceEmbedderTest {

    private static DjlSentenceEmbedder fp32;
    private static DjlSentenceEmbedder int8;
    private static EmbeddingModel referenceFp32;
    private static EmbeddingModel referenceInt8;

    @BeforeAll
    static void loadModels() {
        // DJL first: it must create ONNX Runtime's environment before langchain4j does (see OfflineEngines).
        fp32 = DjlSentenceEmbedder.load(EmbeddingModelProperties.of("all-minilm-l6-v2"));
        int8 = DjlSentenceEmbedder.load(EmbeddingModelProperties.of("all-minilm-l6-v2-q"));
        referenceFp32 = new AllMiniLmL6V2EmbeddingModel();
        referenceInt8 = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @AfterAll
    static void closeModels() {
        fp32.close();
        int8.close();
    }

    @Test
    void describesTheModel() {
        assertThat(fp32.modelName()).isEqualTo("all-minilm-l6-v2");
        assertThat(int8.modelName()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(fp32.dimension()).isEqualTo(384);
        assertThat(int8.dimension()).isEqualTo(384);
    }

    @Test
    void fp32VectorsMatchLangchain4j() {
        List<float[]> vectors = fp32.embedAll(TradingSentences.VARIED);
        for (int i = 0; i < vectors.size(); i++) {
            String text = TradingSentences.VARIED.get(i);
            assertThat(cosine(vectors.get(i), reference(referenceFp32, text))).as(text).isGreaterThan(0.999);
        }
    }

    @Test
    void int8VectorsMatchLangchain4j() {
        for (String text : TradingSentences.VARIED) {
            assertThat(cosine(int8.embed(text), reference(referenceInt8, text))).as(text).isGreaterThan(0.999);
        }
    }

    @Test
    void int8StaysCloseToFp32() {
        for (String text : TradingSentences.VARIED) {
            assertThat(cosine(fp32.embed(text), int8.embed(text))).as(text).isGreaterThanOrEqualTo(0.97);
        }
    }

    @Test
    void embedAllOfShuffledListEqualsOneByOneEmbed() {
        List<String> shuffled = new ArrayList<>(TradingSentences.VARIED);
        shuffled.addAll(TradingSentences.transcript(40));
        Collections.shuffle(shuffled, new Random(7));

        List<float[]> batched = fp32.embedAll(shuffled);
        assertThat(batched).hasSize(shuffled.size());
        for (int i = 0; i < shuffled.size(); i++) {
            assertThat(batched.get(i)).as(shuffled.get(i)).containsExactly(fp32.embed(shuffled.get(i)), within(1e-5f));
        }

        // The int8 model quantises activations with one scale per tensor, i.e. per batch: a text's vector moves a
        // little with its batch-mates (measured 0.955 to 0.995), far less than a vector of another text would.
        List<float[]> quantised = int8.embedAll(shuffled);
        for (int i = 0; i < shuffled.size(); i++) {
            float[] alone = int8.embed(shuffled.get(i));
            double c = cosine(quantised.get(i), alone);
            assertThat(c).as(shuffled.get(i)).isGreaterThan(0.95);
            for (int other = 0; other < shuffled.size(); other++) {
                if (other != i && !shuffled.get(other).equals(shuffled.get(i))) {
                    assertThat(cosine(quantised.get(other), alone)).isLessThan(c);
                }
            }
        }
    }

    @Test
    void vectorsHaveUnitLength() {
        for (float[] vector : int8.embedAll(TradingSentences.VARIED)) {
            assertThat(norm(vector)).isCloseTo(1.0, within(1e-5));
        }
        assertThat(norm(fp32.embed(TradingSentences.longLesson()))).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void closeMeaningsScoreHigherThanUnrelatedOnes() {
        for (DjlSentenceEmbedder embedder : List.of(fp32, int8)) {
            float[] takeProfit = embedder.embed("take profit at the target");
            double related = cosine(takeProfit, embedder.embed("exit with a gain"));
            double unrelated = cosine(takeProfit, embedder.embed("the weather is sunny"));
            assertThat(related).as(embedder.modelName()).isGreaterThan(unrelated + 0.1);

            float[] stop = embedder.embed("place a stop loss below the swing low");
            assertThat(cosine(stop, embedder.embed("protect the trade with a stop under support")))
                    .isGreaterThan(cosine(stop, embedder.embed("my cat sleeps on the sofa all afternoon")) + 0.1);
        }
    }

    @Test
    void truncatesLongTextInsteadOfFailing() {
        String lesson = TradingSentences.longLesson();
        assertThat(lesson.split("\\s+")).hasSizeGreaterThan(600);
        float[] vector = int8.embed(lesson);
        assertThat(vector).hasSize(384);
        // Only the first 256 word pieces count: more text after them changes nothing.
        float[] longer = int8.embed(lesson + " And one more thing about the weather, which is sunny.");
        assertThat(longer).containsExactly(vector, within(1e-6f));
        // ...while text before them does: the limit is sentence-transformers' 256, not the tokenizer file's 128.
        assertThat(cosine(int8.embed(firstWords(lesson, 120)), int8.embed(firstWords(lesson, 160)))).isLessThan(0.999);
    }

    private static String firstWords(String text, int words) {
        return String.join(" ", Arrays.asList(text.split("\\s+")).subList(0, words));
    }

    @Test
    void rejectsBlankTextWithTheReason() {
        assertThatThrownBy(() -> fp32.embed("  \n\t")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text to embed must not be blank");
        assertThatThrownBy(() -> fp32.embed(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text to embed must not be null");
        assertThatThrownBy(() -> fp32.embedAll(List.of("Buy the dip.", "Sell the rip.", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("texts[2] to embed must not be blank");
        assertThat(fp32.embedAll(List.of())).isEmpty();
    }

    @Test
    void concurrentCallersGetTheirOwnVectors() throws Exception {
        List<String> texts = TradingSentences.transcript(48);
        List<float[]> expected = texts.stream().map(fp32::embed).toList();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int caller = 0; caller < 8; caller++) {
                int first = caller * 6;
                work.add(() -> {
                    for (int round = 0; round < 3; round++) {
                        List<float[]> all = fp32.embedAll(texts.subList(first, first + 6));
                        for (int i = 0; i < 6; i++) {
                            assertThat(all.get(i)).containsExactly(expected.get(first + i), within(1e-5f));
                            assertThat(fp32.embed(texts.get(first + i)))
                                    .containsExactly(expected.get(first + i), within(1e-5f));
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> result : callers.invokeAll(work)) {
                result.get();
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void runsAUsersOwnModelFileByPath(@TempDir Path dir) throws Exception {
        ModelFiles builtIn = ModelFiles.resolve(EmbeddingModelProperties.of("all-minilm-l6-v2-q"));
        Path model = Files.copy(builtIn.directory().resolve("all-minilm-l6-v2-q.onnx"), dir.resolve("my-minilm.onnx"));
        Files.copy(builtIn.tokenizer(), dir.resolve("tokenizer.json"));
        var properties = new EmbeddingModelProperties("my-minilm", model, "OnnxRuntime", 8, 1, 1, null, null);
        try (DjlSentenceEmbedder own = DjlSentenceEmbedder.load(properties)) {
            assertThat(own.modelName()).isEqualTo("my-minilm");
            String text = TradingSentences.VARIED.get(4);
            assertThat(own.embed(text)).containsExactly(int8.embed(text), within(1e-6f));
        }
    }

    @Test
    void refusesWorkOnceClosed() {
        DjlSentenceEmbedder embedder = DjlSentenceEmbedder.load(
                EmbeddingModelProperties.of("all-minilm-l6-v2-q").withLayout(4, 1, 1));
        embedder.close();
        assertThatThrownBy(() -> embedder.embed("Buy the dip.")).isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("closed");
    }

    static float[] reference(EmbeddingModel model, String text) {
        return model.embed(text).content().vector();
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    static double norm(float[] v) {
        double squares = 0;
        for (float x : v) {
            squares += x * x;
        }
        return Math.sqrt(squares);
    }
}
