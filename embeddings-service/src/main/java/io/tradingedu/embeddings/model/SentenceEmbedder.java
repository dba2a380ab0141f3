package io.tradingedu.embeddings.model;

import java.util.List;

/**
 * Turns text into sentence vectors (all-MiniLM-L6-v2 by default): mean pooling over the tokens, L2-normalised, so the
 * cosine of two vectors is their dot product.
 *
 * <p>Thread-safe. However many threads call it, at most {@code embeddings.model.threads} inferences run at once; the
 * other callers wait. Inputs longer than the model's limit (256 word pieces for the built-in models) are truncated.
 * Failures and interruptions while waiting surface as {@link EmbeddingException}.
 */
public interface SentenceEmbedder {

    /** The model's name, stored with every vector so vectors of different models are never compared. */
    String modelName();

    /** Length of every vector (384 for all-MiniLM-L6-v2). */
    int dimension();

    /**
     * @param text a non-blank text
     * @return its L2-normalised vector
     * @throws IllegalArgumentException if the text is null or blank
     */
    float[] embed(String text);

    /**
     * Embeds many texts in batches; much faster per text than {@link #embed} one by one.
     *
     * @param texts non-blank texts
     * @return one L2-normalised vector per text, in the order of {@code texts}
     * @throws IllegalArgumentException if any text is null or blank (nothing is embedded then)
     */
    List<float[]> embedAll(List<String> texts);
}
