package io.tradingedu.orchestrator.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak resident memory, from Linux's {@code /proc}: the JVM's own high-water mark ({@code VmHWM}), reset per stage
 * through {@code /proc/self/clear_refs}, and the child processes (ffmpeg, pocketsphinx, tesseract) sampled every
 * {@value #SAMPLE_MILLIS} ms. A child's {@code VmHWM} is its peak so far, so the last sample before it exits is close
 * to its true peak; a child living less than one interval can be missed entirely, which is why the counts of
 * children seen are printed beside the figures.
 */
final class BenchmarkMemory implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 100;
    private static final Path SELF = Path.of("/proc/self");
    /**
     * Between fork and exec a child still shows the JVM's image and memory: such samples are the JVM, not a tool.
     */
    private static final Set<String> JVM_IMAGES = Set.of("java", "jspawnhelper");

    /** Peaks for one stage, in kB. */
    record Peaks(long jvmKb, long heaviestChildKb, String heaviestChild, long childrenTogetherKb, int childrenSeen) {
    }

    private final Thread sampler;
    private final boolean jvmResettable;
    private volatile Window window = new Window();

    private BenchmarkMemory(boolean jvmResettable) {
        this.jvmResettable = jvmResettable;
        this.sampler = Thread.ofPlatform().daemon().name("memory-sampler").start(this::sampleForever);
    }

    static BenchmarkMemory start() {
        return new BenchmarkMemory(resetJvmPeak());
    }

    /** Whether the JVM's peak could be reset per stage; if not, every stage reports the peak since start. */
    boolean jvmPeakPerStage() {
        return jvmResettable;
    }

    /** Starts measuring a new stage. */
    void begin() {
        resetJvmPeak();
        window = new Window();
    }

    /** The peaks since {@link #begin()}. */
    Peaks end() {
        Window w = window;
        sample(w);
        Child heaviest = w.children.values().stream().max((a, b) -> Long.compare(a.peakKb, b.peakKb)).orElse(null);
        return new Peaks(kb(SELF.resolve("status"), "VmHWM:"), heaviest == null ? 0 : heaviest.peakKb,
                heaviest == null ? "-" : heaviest.name, w.together.get(), w.children.size());
    }

    @Override
    public void close() {
        sampler.interrupt();
    }

    private void sampleForever() {
        while (!Thread.currentThread().isInterrupted()) {
            sample(window);
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void sample(Window w) {
        long together = 0;
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            Path status = Path.of("/proc", String.valueOf(child.pid()), "status");
            String name = child.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("?");
            if (JVM_IMAGES.contains(name)) {
                continue;
            }
            long peak = kb(status, "VmHWM:");
            together += kb(status, "VmRSS:");
            if (peak > 0) {
                w.children.merge(child.pid(), new Child(name, peak),
                        (old, now) -> now.peakKb > old.peakKb ? now : old);
            }
        }
        long sum = together;
        w.together.accumulateAndGet(sum, Math::max);
    }

    /** Writing 5 to clear_refs resets the process's VmHWM to its current RSS (Linux 4.0+). */
    private static boolean resetJvmPeak() {
        try {
            Files.writeString(SELF.resolve("clear_refs"), "5");
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** A field of a /proc status file in kB; 0 when the process is gone or the field is absent. */
    private static long kb(Path status, String field) {
        try {
            List<String> lines = Files.readAllLines(status);
            for (String line : lines) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // the child exited between listing and reading: it simply has no sample this time
        }
        return 0;
    }

    private record Child(String name, long peakKb) {
    }

    private static final class Window {
        final ConcurrentHashMap<Long, Child> children = new ConcurrentHashMap<>();
        final AtomicLong together = new AtomicLong();
    }
}
