package io.tradingedu.embeddings.model;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The process-wide bound on inference: a fixed set of threads, each with its own predictor (DJL predictors are not
 * thread-safe). Callers hand over batches and wait; however many callers there are, no more than {@code threads}
 * inferences run, so HTTP requests and the stage worker cannot oversubscribe the CPU.
 *
 * <p>Each caller keeps at most {@code threads} of its batches queued at a time, so a short request (one search query)
 * waits behind a few batches of a long one (a whole transcript), not behind all of them.
 */
final class InferencePool implements AutoCloseable {

    private final ExecutorService executor;
    private final BlockingQueue<Predictor<TokenBatch, float[][]>> predictors;
    private final List<Predictor<TokenBatch, float[][]>> all = new ArrayList<>();
    private final int window;

    InferencePool(int threads, Supplier<Predictor<TokenBatch, float[][]>> newPredictor) {
        this.window = threads;
        this.predictors = new ArrayBlockingQueue<>(threads);
        for (int i = 0; i < threads; i++) {
            Predictor<TokenBatch, float[][]> predictor = newPredictor.get();
            all.add(predictor);
            predictors.add(predictor);
        }
        AtomicInteger counter = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "embedding-inference-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs the batches on the pool and returns their results in the same order. */
    List<float[][]> run(List<TokenBatch> batches) {
        List<float[][]> results = new ArrayList<>(batches.size());
        Deque<Future<float[][]>> inFlight = new ArrayDeque<>();
        int next = 0;
        try {
            while (next < batches.size() || !inFlight.isEmpty()) {
                while (next < batches.size() && inFlight.size() < window) {
                    TokenBatch batch = batches.get(next++);
                    inFlight.add(executor.submit(() -> infer(batch)));
                }
                results.add(inFlight.removeFirst().get());
            }
            return results;
        } catch (InterruptedException e) {
            inFlight.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new EmbeddingException("interrupted while waiting for the embedding model", e);
        } catch (ExecutionException e) {
            inFlight.forEach(f -> f.cancel(true));
            throw new EmbeddingException("embedding inference failed: " + e.getCause().getMessage(), e.getCause());
        } catch (RejectedExecutionException e) {
            inFlight.forEach(f -> f.cancel(true));
            throw new EmbeddingException("the embedding model is closed", e);
        }
    }

    private float[][] infer(TokenBatch batch) throws TranslateException, InterruptedException {
        // Never waits: there are as many predictors as threads.
        Predictor<TokenBatch, float[][]> predictor = predictors.take();
        try {
            return predictor.predict(batch);
        } finally {
            predictors.add(predictor);
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        all.forEach(Predictor::close);
    }
}
