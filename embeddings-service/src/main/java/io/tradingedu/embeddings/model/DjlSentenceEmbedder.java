package io.tradingedu.embeddings.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.types.Shape;
import ai.djl.util.PairList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sentence encoder run by DJL: HuggingFace tokenizer, the model on the configured engine (ONNX Runtime by default),
 * mean pooling and L2 normalisation as sentence-transformers does.
 *
 * <p>{@link #embedAll} sorts the texts by token count before cutting batches, so each batch pads to a length close to
 * its texts' own, then puts the vectors back in input order.
 */
final class DjlSentenceEmbedder implements SentenceEmbedder, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DjlSentenceEmbedder.class);

    private final String modelName;
    private final Model model;
    private final HuggingFaceTokenizer tokenizer;
    private final InferencePool pool;
    private final AutoCloseable engineOptions;
    private final int batchSize;
    private final boolean sortByLength;
    private final int dimension;
    private volatile boolean closed;

    private DjlSentenceEmbedder(String modelName, Model model, HuggingFaceTokenizer tokenizer, InferencePool pool,
            AutoCloseable engineOptions, int batchSize, boolean sortByLength) {
        this.modelName = modelName;
        this.model = model;
        this.tokenizer = tokenizer;
        this.pool = pool;
        this.engineOptions = engineOptions;
        this.batchSize = batchSize;
        this.sortByLength = sortByLength;
        this.dimension = embed("dimension probe").length; // also warms the session up before the first caller
    }

    static DjlSentenceEmbedder load(EmbeddingModelProperties properties) {
        return load(properties, true);
    }

    /** @param sortByLength false only to measure what sorting gains (benchmark) */
    static DjlSentenceEmbedder load(EmbeddingModelProperties properties, boolean sortByLength) {
        long started = System.nanoTime();
        OfflineEngines.prepare(properties.engine());
        ModelFiles files = ModelFiles.resolve(properties);
        HuggingFaceTokenizer tokenizer = tokenizer(files, properties.maxTokens());
        Model model = Model.newInstance(properties.name(), properties.engine());
        AutoCloseable engineOptions = null;
        InferencePool pool = null;
        try {
            Map<String, Object> options = new HashMap<>();
            engineOptions = OfflineEngines.sessionOptions(properties, options);
            model.load(files.directory(), files.modelPrefix(), options);
            PoolingTranslator translator = new PoolingTranslator(inputNames(model, properties.engine()));
            pool = new InferencePool(properties.threads(), () -> model.newPredictor(translator));
            DjlSentenceEmbedder embedder = new DjlSentenceEmbedder(properties.name(), model, tokenizer, pool,
                    engineOptions, properties.batchSize(), sortByLength);
            log.info("Loaded embedding model {} ({} dimensions) on engine {} from {} in {} ms: batch size {}, {}"
                            + " inference threads x {} intra-op threads, up to {} word pieces per text",
                    properties.name(), embedder.dimension, properties.engine(), files.directory(),
                    (System.nanoTime() - started) / 1_000_000, properties.batchSize(), properties.threads(),
                    properties.intraOpThreads(), properties.maxTokens());
            return embedder;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            model.close();
            tokenizer.close();
            OfflineEngines.closeQuietly(engineOptions);
            throw new IllegalStateException("could not load embedding model " + properties.name() + " on engine "
                    + properties.engine() + " from " + files.directory() + ": " + e.getMessage(), e);
        }
    }

    private static HuggingFaceTokenizer tokenizer(ModelFiles files, int maxTokens) {
        try {
            // Padding is done per batch (TokenBatch); the tokenizer.json's own fixed padding to 128 is switched off.
            return HuggingFaceTokenizer.builder()
                    .optTokenizerPath(files.tokenizer())
                    .optTruncation(true)
                    .optMaxLength(maxTokens)
                    .optPadding(false)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("could not load tokenizer " + files.tokenizer() + ": " + e.getMessage(), e);
        }
    }

    /**
     * ONNX models declare their inputs by name and DJL must be given exactly those; TorchScript models are called by
     * position (input_ids, attention_mask), whatever their graph calls them.
     */
    private static List<String> inputNames(Model model, String engine) {
        if (!EmbeddingModelProperties.ONNX_RUNTIME.equals(engine)) {
            return List.of();
        }
        PairList<String, Shape> inputs = model.describeInput();
        return inputs == null ? List.of() : inputs.keys();
    }

    @Override
    public String modelName() {
        return modelName;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(requireText(text, "text"))).getFirst();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts == null) {
            throw new IllegalArgumentException("texts to embed must not be null");
        }
        for (int i = 0; i < texts.size(); i++) {
            requireText(texts.get(i), "texts[" + i + "]");
        }
        if (texts.isEmpty()) {
            return List.of();
        }
        if (closed) {
            throw new EmbeddingException("the embedding model " + modelName + " is closed");
        }
        Encoding[] encodings = tokenizer.batchEncode(texts);
        int[] order = IntStream.range(0, texts.size()).toArray();
        if (sortByLength) {
            order = IntStream.range(0, texts.size()).boxed()
                    .sorted(Comparator.comparingInt(i -> encodings[i].getIds().length))
                    .mapToInt(Integer::intValue).toArray();
        }
        List<TokenBatch> batches = new ArrayList<>();
        for (int from = 0; from < order.length; from += batchSize) {
            int[] slice = Arrays.copyOfRange(order, from, Math.min(from + batchSize, order.length));
            batches.add(TokenBatch.of(Arrays.stream(slice).mapToObj(i -> encodings[i]).toList()));
        }
        List<float[][]> results = pool.run(batches);
        float[][] vectors = new float[texts.size()][];
        for (int b = 0; b < results.size(); b++) {
            float[][] batch = results.get(b);
            for (int row = 0; row < batch.length; row++) {
                vectors[order[b * batchSize + row]] = batch[row];
            }
        }
        return Arrays.asList(vectors);
    }

    private static String requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " to embed must not be " + (text == null ? "null" : "blank"));
        }
        return text;
    }

    @Override
    public void close() {
        closed = true;
        pool.close();
        model.close();
        tokenizer.close();
        OfflineEngines.closeQuietly(engineOptions);
        log.info("Closed embedding model {}", modelName);
    }
}
