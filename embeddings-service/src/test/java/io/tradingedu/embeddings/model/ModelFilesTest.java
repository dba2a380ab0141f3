package io.tradingedu.embeddings.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extraction of the built-in model files into the cache directory. */
class ModelFilesTest {

    private static final long INT8_MODEL_BYTES = 22_972_370;

    @Test
    void startsRacingForTheSameCacheAllGetCompleteFiles(@TempDir Path cache) throws Exception {
        EmbeddingModelProperties properties = new EmbeddingModelProperties("all-minilm-l6-v2-q", null, null, null,
                null, null, cache, null);
        ExecutorService starts = Executors.newFixedThreadPool(4);
        List<ModelFiles> resolved = new ArrayList<>();
        try {
            List<Callable<ModelFiles>> racing = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                racing.add(() -> ModelFiles.resolve(properties));
            }
            for (Future<ModelFiles> files : starts.invokeAll(racing)) {
                resolved.add(files.get());
            }
        } finally {
            starts.shutdownNow();
        }
        ModelFiles files = resolved.getFirst();
        assertThat(resolved).allMatch(files::equals);
        assertThat(files.directory()).startsWith(cache.resolve("all-minilm-l6-v2-q"));
        assertThat(Files.size(files.directory().resolve("all-minilm-l6-v2-q.onnx"))).isEqualTo(INT8_MODEL_BYTES);
        assertThat(Files.readString(files.tokenizer())).startsWith("{").contains("\"[CLS]\"");
        try (Stream<Path> left = Files.list(files.directory())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }
    }

    @Test
    void laterStartsReuseTheExtractedFiles(@TempDir Path cache) throws Exception {
        EmbeddingModelProperties properties = new EmbeddingModelProperties("all-minilm-l6-v2-q", null, null, null,
                null, null, cache, null);
        Path model = ModelFiles.resolve(properties).directory().resolve("all-minilm-l6-v2-q.onnx");
        FileTime extracted = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(model, extracted);

        ModelFiles.resolve(properties);

        assertThat(Files.getLastModifiedTime(model)).isEqualTo(extracted);
    }

    @Test
    void userModelNeedsItsTokenizerAlongside(@TempDir Path dir) throws Exception {
        Path model = Files.writeString(dir.resolve("model.onnx"), "not checked here");
        EmbeddingModelProperties properties = new EmbeddingModelProperties("mine", model, null, null, null, null,
                null, null);
        assertThatThrownBy(() -> ModelFiles.resolve(properties)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no tokenizer.json next to EMBEDDING_MODEL_PATH");
    }
}
