package io.tradingedu.embeddings.model;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which sentence-embedding model runs and how. Defaults come from docs/embeddings-benchmark.md (2 CPU cores).
 *
 * @param name           model name stored with every vector: all-minilm-l6-v2 (fp32) or all-minilm-l6-v2-q (int8,
 *                       the default); with {@code path} set, any label for the user's model (env EMBEDDING_MODEL)
 * @param path           optional model file of the user's own sentence-transformer ({@code .onnx}, or a TorchScript
 *                       {@code .pt} with engine PyTorch) with its {@code tokenizer.json} in the same directory
 *                       (env EMBEDDING_MODEL_PATH)
 * @param engine         DJL engine name: OnnxRuntime (default) or PyTorch (env EMBEDDING_ENGINE)
 * @param batchSize      texts per inference (env EMBEDDING_BATCH_SIZE)
 * @param threads        most inferences running at once in the process, whatever the number of callers
 *                       (env EMBEDDING_THREADS; default: available processors)
 * @param intraOpThreads threads ONNX Runtime uses inside one inference (env EMBEDDING_INTRA_OP_THREADS)
 * @param cacheDir       where built-in model files are extracted once (env EMBEDDING_CACHE_DIR)
 * @param maxTokens      word pieces per text; longer texts are truncated (256: what sentence-transformers uses)
 */
@ConfigurationProperties("embeddings.model")
public record EmbeddingModelProperties(String name, Path path, String engine, Integer batchSize, Integer threads,
        Integer intraOpThreads, Path cacheDir, Integer maxTokens) {

    public static final String DEFAULT_NAME = BuiltInModel.MINILM_L6_V2_Q.modelName();
    public static final String ONNX_RUNTIME = "OnnxRuntime";
    public static final int DEFAULT_BATCH_SIZE = 16;
    public static final int DEFAULT_INTRA_OP_THREADS = 1;
    /**
     * sentence-transformers' max_seq_length for all-MiniLM-L6-v2: the model was trained on up to 128 word pieces and
     * its position embeddings stop at 512; 256 is the limit its authors chose and every reference vector uses.
     */
    public static final int DEFAULT_MAX_TOKENS = 256;

    public EmbeddingModelProperties {
        name = blank(name) ? DEFAULT_NAME : name.strip();
        path = path == null || path.toString().isBlank() ? null : path;
        engine = blank(engine) ? ONNX_RUNTIME : engine.strip();
        batchSize = atLeastOne(batchSize, DEFAULT_BATCH_SIZE, "batch-size (EMBEDDING_BATCH_SIZE)");
        threads = atLeastOne(threads, Runtime.getRuntime().availableProcessors(), "threads (EMBEDDING_THREADS)");
        intraOpThreads = atLeastOne(intraOpThreads, DEFAULT_INTRA_OP_THREADS,
                "intra-op-threads (EMBEDDING_INTRA_OP_THREADS)");
        cacheDir = cacheDir == null || cacheDir.toString().isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "tradingedu-embeddings") : cacheDir;
        maxTokens = atLeastOne(maxTokens, DEFAULT_MAX_TOKENS, "max-tokens");
        if (maxTokens > 512) {
            throw new IllegalArgumentException("embeddings.model.max-tokens must be at most 512 (BERT position"
                    + " embeddings), got " + maxTokens);
        }
        if (path == null && BuiltInModel.byName(name).isEmpty()) {
            throw new IllegalArgumentException("Unknown embedding model '" + name + "' (EMBEDDING_MODEL): expected one"
                    + " of " + BuiltInModel.names() + ", or set EMBEDDING_MODEL_PATH to your own model file");
        }
        if (path == null && !ONNX_RUNTIME.equals(engine)) {
            throw new IllegalArgumentException("The built-in models are ONNX and run on engine " + ONNX_RUNTIME
                    + "; engine " + engine + " (EMBEDDING_ENGINE) needs EMBEDDING_MODEL_PATH to a model in its format");
        }
    }

    /** The defaults with another built-in model. */
    public static EmbeddingModelProperties of(String name) {
        return new EmbeddingModelProperties(name, null, null, null, null, null, null, null);
    }

    EmbeddingModelProperties withLayout(int batchSize, int threads, int intraOpThreads) {
        return new EmbeddingModelProperties(name, path, engine, batchSize, threads, intraOpThreads, cacheDir, maxTokens);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static int atLeastOne(Integer value, int fallback, String property) {
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            throw new IllegalArgumentException("embeddings.model." + property + " must be at least 1, got " + value);
        }
        return value;
    }
}
