package io.tradingedu.embeddings.model;

import ai.djl.huggingface.tokenizers.Encoding;
import java.util.List;

/**
 * Token ids of several texts padded to the longest of them, row-major {@code size × length}.
 *
 * @param ids           token ids, 0 ([PAD]) after each text's end
 * @param attentionMask 1 for a real token, 0 for padding
 * @param size          number of texts
 * @param length        tokens per row
 */
record TokenBatch(long[] ids, long[] attentionMask, int size, int length) {

    static TokenBatch of(List<Encoding> encodings) {
        int length = encodings.stream().mapToInt(e -> e.getIds().length).max().orElse(0);
        int size = encodings.size();
        long[] ids = new long[size * length];
        long[] mask = new long[size * length];
        for (int row = 0; row < size; row++) {
            Encoding encoding = encodings.get(row);
            System.arraycopy(encoding.getIds(), 0, ids, row * length, encoding.getIds().length);
            System.arraycopy(encoding.getAttentionMask(), 0, mask, row * length, encoding.getAttentionMask().length);
        }
        return new TokenBatch(ids, mask, size, length);
    }

    /**
     * sentence-transformers' mean pooling: the average of the token vectors the attention mask keeps, then L2
     * normalisation.
     *
     * @param tokenVectors the model's last hidden state, {@code size × length × dimension}, row-major
     */
    float[][] meanPool(float[] tokenVectors, int dimension) {
        float[][] pooled = new float[size][dimension];
        for (int row = 0; row < size; row++) {
            float[] sum = pooled[row];
            int kept = 0;
            for (int token = 0; token < length; token++) {
                if (attentionMask[row * length + token] == 0) {
                    continue;
                }
                kept++;
                int offset = (row * length + token) * dimension;
                for (int d = 0; d < dimension; d++) {
                    sum[d] += tokenVectors[offset + d];
                }
            }
            for (int d = 0; d < dimension; d++) {
                sum[d] /= Math.max(kept, 1);
            }
            normalise(sum);
        }
        return pooled;
    }

    static float[] normalise(float[] vector) {
        double squares = 0;
        for (float v : vector) {
            squares += v * v;
        }
        float norm = (float) Math.max(Math.sqrt(squares), 1e-12);
        for (int d = 0; d < vector.length; d++) {
            vector[d] /= norm;
        }
        return vector;
    }
}
