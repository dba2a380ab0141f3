package io.tradingedu.embeddings.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * The true top-k by cosine for many query vectors in one pass over the passages: a binary COPY streams every stored
 * vector once and each query keeps its k best. An exact SQL ranking (sequential scan, every vector detoasted) costs
 * about 0.5 s per query at 100k passages and several seconds at 1M; one pass for all queries costs about one of them.
 */
final class ExactNeighbours {

    /** A query vector, searched over all passages or only those with the 1 % keyword. */
    record Query(float[] vector, boolean rareOnly) {
    }

    private static final int CHUNK = 4096;

    private ExactNeighbours() {
    }

    /** For each query, the keys (media id / start second) of its {@code k} most similar passages, best first. */
    static List<List<String>> topK(Connection db, String model, int dimension, String rareKeyword, List<Query> queries,
                                   int k) throws SQLException, IOException {
        List<float[]> normalised = queries.stream().map(q -> normalise(q.vector())).toList();
        TopK[] best = new TopK[queries.size()];
        Arrays.setAll(best, i -> new TopK(k));
        String sql = ("COPY (SELECT media_id, start_seconds, keywords @> ARRAY['%s'], embedding FROM embeddings.passage"
                + " WHERE dimension = %d AND model = '%s') TO STDOUT (FORMAT binary)")
                .formatted(rareKeyword.replace("'", "''"), dimension, model.replace("'", "''"));
        CopyOut copy = db.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
        try (DataInputStream in = new DataInputStream(new CopyStream(copy))) {
            header(in);
            float[] vectors = new float[CHUNK * dimension];
            float[] norms = new float[CHUNK];
            boolean[] rare = new boolean[CHUNK];
            String[] keys = new String[CHUNK];
            int rows = 0;
            while (true) {
                short fields = in.readShort();
                if (fields == -1) {
                    // read to the end, so the COPY completes and the connection is usable again
                    in.transferTo(OutputStream.nullOutputStream());
                    break;
                }
                in.readInt();
                UUID media = new UUID(in.readLong(), in.readLong());
                in.readInt();
                long start = Math.round(in.readDouble());
                in.readInt();
                rare[rows] = in.readByte() != 0;
                in.readInt();
                int dim = in.readShort();
                in.readShort();
                if (dim != dimension) {
                    throw new IllegalStateException("a stored vector has " + dim + " dimensions, not " + dimension);
                }
                double norm = 0;
                for (int d = 0; d < dim; d++) {
                    float x = in.readFloat();
                    vectors[rows * dimension + d] = x;
                    norm += x * x;
                }
                norms[rows] = (float) Math.sqrt(norm);
                keys[rows] = media + "/" + start;
                if (++rows == CHUNK) {
                    score(vectors, norms, rare, keys, rows, dimension, queries, normalised, best);
                    rows = 0;
                }
            }
            score(vectors, norms, rare, keys, rows, dimension, queries, normalised, best);
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        return Arrays.stream(best).map(TopK::keys).toList();
    }

    private static void score(float[] vectors, float[] norms, boolean[] rare, String[] keys, int rows, int dimension,
                              List<Query> queries, List<float[]> normalised, TopK[] best) {
        // each query owns its TopK, so the queries can share the chunk across threads without locking
        IntStream.range(0, queries.size()).parallel().forEach(q -> {
            boolean rareOnly = queries.get(q).rareOnly();
            float[] query = normalised.get(q);
            for (int r = 0; r < rows; r++) {
                if (!rareOnly || rare[r]) {
                    best[q].offer(dot(query, vectors, r * dimension) / norms[r], keys[r]);
                }
            }
        });
    }

    /** Eight independent sums: the JIT does not vectorise a float reduction, but it pipelines these. */
    private static float dot(float[] q, float[] v, int offset) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int d = 0;
        for (; d + 8 <= q.length; d += 8) {
            int o = offset + d;
            s0 += q[d] * v[o];
            s1 += q[d + 1] * v[o + 1];
            s2 += q[d + 2] * v[o + 2];
            s3 += q[d + 3] * v[o + 3];
            s4 += q[d + 4] * v[o + 4];
            s5 += q[d + 5] * v[o + 5];
            s6 += q[d + 6] * v[o + 6];
            s7 += q[d + 7] * v[o + 7];
        }
        for (; d < q.length; d++) {
            s0 += q[d] * v[offset + d];
        }
        return (s0 + s1) + (s2 + s3) + (s4 + s5) + (s6 + s7);
    }

    private static float[] normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float[] unit = new float[v.length];
        for (int d = 0; d < v.length; d++) {
            unit[d] = (float) (v[d] / Math.sqrt(norm));
        }
        return unit;
    }

    private static void header(DataInputStream in) throws IOException {
        byte[] signature = new byte[11];
        in.readFully(signature);
        if (!new String(signature, 0, 6, StandardCharsets.US_ASCII).equals("PGCOPY")) {
            throw new IOException("not a binary COPY stream");
        }
        in.readInt(); // flags
        in.skipNBytes(in.readInt()); // header extension
    }

    /** The k best (similarity, key) pairs seen so far; a sorted array, since k is small. */
    private static final class TopK {

        private final double[] similarity;
        private final String[] key;
        private int size;

        TopK(int k) {
            similarity = new double[k];
            key = new String[k];
        }

        void offer(double s, String k) {
            if (size == similarity.length && s <= similarity[size - 1]) {
                return;
            }
            int i = size == similarity.length ? size - 1 : size++;
            while (i > 0 && similarity[i - 1] < s) {
                similarity[i] = similarity[i - 1];
                key[i] = key[i - 1];
                i--;
            }
            similarity[i] = s;
            key[i] = k;
        }

        List<String> keys() {
            return new ArrayList<>(Arrays.asList(key).subList(0, size));
        }
    }

    /** COPY's data messages as one stream. */
    private static final class CopyStream extends InputStream {

        private final CopyOut copy;
        private byte[] buffer = new byte[0];
        private int position;

        CopyStream(CopyOut copy) {
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return buffer[position++] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, buffer.length - position);
            System.arraycopy(buffer, position, target, offset, n);
            position += n;
            return n;
        }

        private boolean fill() throws IOException {
            while (position == buffer.length) {
                try {
                    byte[] next = copy.readFromCopy();
                    if (next == null) {
                        return false;
                    }
                    buffer = next;
                    position = 0;
                } catch (SQLException e) {
                    throw new IOException("COPY failed: " + e.getMessage(), e);
                }
            }
            return true;
        }
    }
}
