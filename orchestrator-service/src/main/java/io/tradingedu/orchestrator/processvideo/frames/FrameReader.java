package io.tradingedu.orchestrator.processvideo.frames;

import io.tradingedu.orchestrator.media.Checkpoint;
import io.tradingedu.orchestrator.media.ProgressListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Stage 2, second half: reads the text on frames with the tesseract CLI (TSV output: words with confidences), a
 * bounded number of processes at a time, and flags trading content. tesseract runs with {@code OMP_THREAD_LIMIT=1}:
 * its OpenMP threads fight each other on small images (measured 0.28 s per frame instead of 1.3 s), so parallelism
 * comes from running several processes instead.
 */
@Component
public class FrameReader {

    private final FrameProperties properties;
    private final TradingTextDetector detector;

    public FrameReader(FrameProperties properties, TradingTextDetector detector) {
        this.properties = properties;
        this.detector = detector;
    }

    /**
     * Reads every frame, reporting "reading frame 12 / 40" as frames finish. A frame tesseract fails or times out on
     * comes back with a {@link FrameOcr#problem()}; the call fails only when no frame at all could be read.
     *
     * @return one result per frame, in the order given
     * @throws IOException when tesseract is not available or failed on every frame
     */
    public List<FrameOcr> read(List<SampledFrame> frames, Checkpoint checkpoint, ProgressListener progress)
            throws IOException, InterruptedException {
        if (frames.isEmpty()) {
            return List.of();
        }
        Path workDir = Files.createTempDirectory("frame-ocr-");
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(properties.ocrParallelism(), frames.size()),
                Thread.ofPlatform().name("ocr-", 1).daemon().factory());
        try {
            CompletionService<Indexed> finished = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < frames.size(); i++) {
                int index = i;
                finished.submit(() -> new Indexed(index, readOne(frames.get(index), workDir.resolve("f" + index))));
            }
            FrameOcr[] results = new FrameOcr[frames.size()];
            for (int done = 0; done < frames.size(); ) {
                checkpoint.check();
                Future<Indexed> next = finished.poll(200, TimeUnit.MILLISECONDS);
                if (next != null) {
                    Indexed result = unwrap(next);
                    results[result.index()] = result.ocr();
                    done++;
                    progress.progress("reading frame " + done + " / " + frames.size());
                }
            }
            List<FrameOcr> all = Arrays.asList(results);
            if (all.stream().allMatch(r -> r.problem() != null)) {
                throw new IOException("OCR failed on every frame: " + all.getFirst().problem());
            }
            return List.copyOf(all);
        } finally {
            // interrupts readers still running: their tesseract processes are killed before the files go
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            FileSystemUtils.deleteRecursively(workDir.toFile());
        }
    }

    private FrameOcr readOne(SampledFrame frame, Path base) throws IOException, InterruptedException {
        List<String> command = List.of(properties.tesseractPath(), frame.image().toString(), "stdout",
                "-l", properties.ocrLanguage(), "--psm", String.valueOf(properties.ocrPageSegMode()), "tsv");
        Path tsv = base.resolveSibling(base.getFileName() + ".tsv");
        Path log = base.resolveSibling(base.getFileName() + ".log");
        try {
            var outcome = ExternalProcess.run(command, Map.of("OMP_THREAD_LIMIT", "1"), tsv, log,
                    properties.ocrTimeout(), Checkpoint.NONE);
            if (outcome.timedOut()) {
                return FrameOcr.unreadable(frame, "OCR took longer than " + properties.ocrTimeout().toSeconds() + " s");
            }
            if (outcome.exitCode() != 0) {
                return FrameOcr.unreadable(frame, "tesseract failed (exit " + outcome.exitCode() + "): "
                        + ExternalProcess.tail(log, 2));
            }
            OcrText text = OcrText.fromTsv(new String(Files.readAllBytes(tsv), StandardCharsets.UTF_8));
            return new FrameOcr(frame, text.text(), text.confidence(), detector.isTradingText(text.text()), null);
        } finally {
            Files.deleteIfExists(tsv);
            Files.deleteIfExists(log);
        }
    }

    private static Indexed unwrap(Future<Indexed> future) throws IOException, InterruptedException {
        try {
            return Objects.requireNonNull(future.get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new IllegalStateException("reading a frame failed: " + e.getCause(), e.getCause());
        }
    }

    private record Indexed(int index, FrameOcr ocr) {
    }
}
