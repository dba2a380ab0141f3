package io.tradingedu.api.llama;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Texts are embedded in batches that stay within embeddings-service's per-request limits. */
class LlamaEmbeddingsTest {

    @Test
    void batchesHoldAtMost256TextsAnd100000CharactersAndLongTextsAreCut() {
        List<String> texts = new ArrayList<>(Collections.nCopies(300, "short text"));
        texts.addAll(Collections.nCopies(30, "x".repeat(5_000)));

        List<List<String>> batches = LlamaEmbeddings.batches(texts);

        assertThat(batches).allSatisfy(batch -> {
            assertThat(batch.size()).isLessThanOrEqualTo(LlamaEmbeddings.MAX_BATCH_TEXTS);
            assertThat(batch.stream().mapToInt(String::length).sum())
                    .isLessThanOrEqualTo(LlamaEmbeddings.MAX_BATCH_CHARS);
            assertThat(batch).allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(4_000));
        });
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(330);
        assertThat(batches.getFirst()).hasSize(256);
        assertThat(batches.stream().flatMap(List::stream).toList().subList(0, 300)).containsOnly("short text");
    }
}
