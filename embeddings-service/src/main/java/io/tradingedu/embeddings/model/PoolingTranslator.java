package io.tradingedu.embeddings.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.util.Arrays;
import java.util.List;

/**
 * Feeds a padded batch to a BERT-style encoder and pools its output in plain Java (the ONNX Runtime engine of DJL has
 * no NDArray arithmetic of its own).
 *
 * <p>{@code inputNames} are the model's declared inputs in order (ONNX models declare them); without names (TorchScript)
 * the model gets input_ids and attention_mask by position, the signature of a traced HuggingFace encoder.
 */
final class PoolingTranslator implements NoBatchifyTranslator<TokenBatch, float[][]> {

    static final String INPUT_IDS = "input_ids";
    static final String ATTENTION_MASK = "attention_mask";
    static final String TOKEN_TYPE_IDS = "token_type_ids";
    private static final String BATCH = "batch";

    private final List<String> inputNames;

    PoolingTranslator(List<String> inputNames) {
        for (String name : inputNames) {
            if (!List.of(INPUT_IDS, ATTENTION_MASK, TOKEN_TYPE_IDS).contains(name)) {
                throw new IllegalArgumentException("the model has an input '" + name + "'; a sentence encoder takes "
                        + INPUT_IDS + ", " + ATTENTION_MASK + " and optionally " + TOKEN_TYPE_IDS);
            }
        }
        this.inputNames = List.copyOf(inputNames);
    }

    @Override
    public NDList processInput(TranslatorContext ctx, TokenBatch batch) {
        ctx.setAttachment(BATCH, batch);
        NDManager manager = ctx.getNDManager();
        Shape shape = new Shape(batch.size(), batch.length());
        if (inputNames.isEmpty()) {
            return new NDList(manager.create(batch.ids(), shape), manager.create(batch.attentionMask(), shape));
        }
        NDList inputs = new NDList(inputNames.size());
        for (String name : inputNames) {
            NDArray array = switch (name) {
                case INPUT_IDS -> manager.create(batch.ids(), shape);
                case ATTENTION_MASK -> manager.create(batch.attentionMask(), shape);
                default -> manager.create(new long[batch.ids().length], shape); // one segment: all type 0
            };
            array.setName(name);
            inputs.add(array);
        }
        return inputs;
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList outputs) {
        TokenBatch batch = (TokenBatch) ctx.getAttachment(BATCH);
        NDArray output = outputs.get(0);
        Shape shape = output.getShape();
        float[] values = output.toFloatArray();
        if (shape.dimension() == 3) {
            return batch.meanPool(values, (int) shape.get(2));
        }
        if (shape.dimension() == 2) {
            // An export that includes the pooling layer already gives one vector per text.
            int dimension = (int) shape.get(1);
            float[][] vectors = new float[batch.size()][];
            for (int row = 0; row < batch.size(); row++) {
                vectors[row] = TokenBatch.normalise(Arrays.copyOfRange(values, row * dimension,
                        (row + 1) * dimension));
            }
            return vectors;
        }
        throw new IllegalStateException("unexpected model output shape " + shape
                + ": expected token vectors (batch, tokens, dim) or sentence vectors (batch, dim)");
    }
}
