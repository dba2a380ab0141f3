package io.tradingedu.embeddings.index;

import java.util.List;

/**
 * How widely a lesson's transcript passages range over topics, measured on their vectors: the mean cosine distance
 * (1 − cosine similarity) of each vector to the centroid (the plain mean) of all of them. 0 when every passage says
 * the same thing; a lesson that stays on one strategy measures lower than one that tours many. Computed here because
 * only stage 6 has the vectors; stage 7 stores it as the feature {@code topic_spread} (docs/features.md).
 */
final class TopicSpread {

    /** With fewer passages there is no spread to speak of. */
    static final int MIN_PASSAGES = 2;

    private TopicSpread() {
    }

    /** The spread of the vectors, or null when there are fewer than {@link #MIN_PASSAGES} (or only zero vectors). */
    static Double of(List<float[]> vectors) {
        if (vectors.size() < MIN_PASSAGES) {
            return null;
        }
        int dimension = vectors.getFirst().length;
        double[] centroid = new double[dimension];
        for (float[] v : vectors) {
            if (v.length != dimension) {
                throw new IllegalArgumentException("vectors of " + dimension + " and " + v.length + " dimensions");
            }
            for (int i = 0; i < dimension; i++) {
                centroid[i] += v[i] / (double) vectors.size();
            }
        }
        double centroidNorm = Math.sqrt(dot(centroid, centroid));
        double sum = 0;
        int counted = 0;
        for (float[] v : vectors) {
            double norm = 0;
            double product = 0;
            for (int i = 0; i < dimension; i++) {
                norm += (double) v[i] * v[i];
                product += v[i] * centroid[i];
            }
            if (norm > 0 && centroidNorm > 0) {
                sum += 1 - product / (Math.sqrt(norm) * centroidNorm);
                counted++;
            }
        }
        return counted < MIN_PASSAGES ? null : sum / counted;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
