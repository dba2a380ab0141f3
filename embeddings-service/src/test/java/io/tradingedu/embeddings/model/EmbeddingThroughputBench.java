package io.tradingedu.embeddings.model;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sentences per second of the embedder on transcript sentences (5–40 words), by model, thread layout, batch size and
 * sorting, plus how far int8 vectors are from fp32 ones. Run by hand (see docs/embeddings-benchmark.md):
 *
 * <pre>
 * mvn -o -q -pl embeddings-service test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.tradingedu.embeddings.model.EmbeddingThroughputBench [-Dexec.args="512 2"]
 * </pre>
 *
 * Arguments: number of sentences (default 512), timed rounds per configuration (default 2, best kept), models
 * (default both: {@code all-minilm-l6-v2,all-minilm-l6-v2-q}).
 */
public final class EmbeddingThroughputBench {

    private record Layout(int threads, int intraOpThreads) {
        @Override
        public String toString() {
            return threads + "×" + intraOpThreads;
        }
    }

    private static final List<Layout> LAYOUTS = List.of(new Layout(2, 1), new Layout(1, 2), new Layout(2, 2));
    private static final int[] BATCH_SIZES = {1, 8, 16, 32, 64};

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 512;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        List<String> models = List.of((args.length > 2 ? args[2] : "all-minilm-l6-v2,all-minilm-l6-v2-q").split(","));
        List<String> sentences = TradingSentences.transcript(count);
        System.out.printf(Locale.ROOT, "%d sentences, %d processors, load before: %s%n", count,
                Runtime.getRuntime().availableProcessors(), loadAverage());

        List<float[]> fp32Vectors;
        try (DjlSentenceEmbedder reference = DjlSentenceEmbedder.load(EmbeddingModelProperties.of("all-minilm-l6-v2"))) {
            fp32Vectors = reference.embedAll(sentences); // fp32 vectors do not depend on batching (tested)
        }
        System.out.println();
        System.out.println("| model | threads × intra-op | batch | sorted | sentences/s (wall) | sentences per CPU-s"
                + " | cosine to fp32 mean | min |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (String model : models) {
            for (Layout layout : LAYOUTS) {
                for (int batchSize : BATCH_SIZES) {
                    for (boolean sorted : batchSize == 1 ? new boolean[] {true} : new boolean[] {true, false}) {
                        EmbeddingModelProperties properties = EmbeddingModelProperties.of(model)
                                .withLayout(batchSize, layout.threads(), layout.intraOpThreads());
                        measure(properties, sorted, layout, sentences, fp32Vectors, rounds);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nload after: %s%n", loadAverage());
    }

    private static void measure(EmbeddingModelProperties properties, boolean sorted, Layout layout,
            List<String> sentences, List<float[]> fp32Vectors, int rounds) {
        try (DjlSentenceEmbedder embedder = DjlSentenceEmbedder.load(properties, sorted)) {
            embedder.embedAll(sentences.subList(0, Math.min(64, sentences.size()))); // warm-up
            double best = 0;
            double bestPerCpu = 0;
            List<float[]> vectors = List.of();
            for (int round = 0; round < rounds; round++) {
                long cpuStarted = processCpuNanos();
                long started = System.nanoTime();
                vectors = embedder.embedAll(sentences);
                best = Math.max(best, sentences.size() / ((System.nanoTime() - started) / 1e9));
                bestPerCpu = Math.max(bestPerCpu, sentences.size() / ((processCpuNanos() - cpuStarted) / 1e9));
            }
            List<Double> cosines = new ArrayList<>();
            for (int i = 0; i < vectors.size(); i++) {
                cosines.add(SentenceEmbedderTest.cosine(vectors.get(i), fp32Vectors.get(i)));
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %s | %.0f | %.0f | %.4f | %.4f |%n", properties.name(),
                    layout, properties.batchSize(), sorted ? "yes" : "no", best, bestPerCpu,
                    cosines.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                    cosines.stream().mapToDouble(Double::doubleValue).min().orElse(0));
        }
    }

    /**
     * CPU time of the whole process: other agents share this machine's cores, so wall-clock rates depend on their
     * load while sentences per CPU-second do not (idle inference threads sleep rather than spin, see OfflineEngines).
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
