package io.tradingedu.orchestrator.media;

import io.tradingedu.orchestrator.clips.ClipPlan;
import io.tradingedu.orchestrator.clips.CutClip;
import io.tradingedu.orchestrator.concepts.Concept;
import io.tradingedu.orchestrator.keywords.KeywordHit;
import io.tradingedu.orchestrator.processvideo.frames.FrameOcr;
import io.tradingedu.orchestrator.processvideo.frames.SampledFrame;
import io.tradingedu.orchestrator.processvideo.transcript.Transcript;
import io.tradingedu.shared.pipeline.MediaProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.util.FileSystemUtils;

/**
 * Wall time and peak memory of media stages 2-5 on a generated ten-minute 720p lesson, once with a subtitle track
 * and once transcribed by pocketsphinx. Not a test (surefire ignores the name): run by
 * {@code deploy/local/stack.sh bench-media}, results in {@code docs/media-benchmark.md}. Figures are printed, not
 * asserted: they depend on the machine and on what else runs on it.
 *
 * <p>Targets (from the issue): stages 2-5 under half the video's duration with pocketsphinx, under 60 s with a
 * subtitle track; peak memory per worker under 1 GB.
 *
 * @see BenchmarkStages for what each stage does here
 */
public final class MediaStagesBenchmark {

    private static final double MB = 1024.0;

    private MediaStagesBenchmark() {
    }

    /** Stage times in seconds and peaks, in the order measured. */
    record Run(String name, MediaProbe probe, Map<String, Double> seconds, Map<String, Double> cpuSeconds,
               Map<String, BenchmarkMemory.Peaks> memory, Map<String, String> counts, double targetSeconds) {

        double total() {
            return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        double totalCpu() {
            return cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /** @param args optional work directory (the generated lesson is kept there between runs) */
    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(args.length > 0 ? Path.of(args[0])
                : Path.of(System.getProperty("java.io.tmpdir"), "media-benchmark"));
        System.out.println(BenchmarkMachine.describe());
        long generating = System.nanoTime();
        BenchmarkLesson.Videos videos = BenchmarkLesson.prepare(work);
        System.out.printf(Locale.ROOT, "lesson ready (%d slides) in %.0f s: %s%n", videos.slides(),
                (System.nanoTime() - generating) / 1e9, videos.withSubtitles().getParent());
        BenchmarkStages stages = new BenchmarkStages();
        List<Run> runs = new ArrayList<>();
        try (BenchmarkMemory memory = BenchmarkMemory.start()) {
            String loadBefore = BenchmarkMachine.loadAverage();
            runs.add(run("subtitle track", videos.withSubtitles(), stages, memory, work, 60));
            runs.add(run("pocketsphinx", videos.withoutSubtitles(), stages, memory, work, -0.5));
            System.out.println();
            System.out.println("load average before: " + loadBefore + ", after: " + BenchmarkMachine.loadAverage());
            if (!memory.jvmPeakPerStage()) {
                System.out.println("(the JVM's peak could not be reset per stage: JVM figures are peaks since start)");
            }
        }
        System.out.println();
        System.out.print(BenchmarkReport.table(runs));
    }

    /**
     * @param target seconds; a negative value is a fraction of the video's duration
     */
    private static Run run(String name, Path video, BenchmarkStages stages, BenchmarkMemory memory, Path work,
                           double target) throws Exception {
        System.out.println();
        System.out.println("== " + name + ": " + video.getFileName());
        MediaProbe probe = BenchmarkProbe.probe(video);
        Path out = work.resolve("out-" + name.replace(' ', '-'));
        FileSystemUtils.deleteRecursively(out);
        var timer = new Timer(memory);
        Transcript transcript = timer.time("2 transcript", () -> stages.transcribe(video, probe),
                t -> t.source() + ", " + t.segments().size() + " segments, " + t.wordCount() + " words");
        List<SampledFrame> sampled = timer.time("2 frames: sample", () -> stages.sampleFrames(video, probe,
                out.resolve("frames")), f -> f.size() + " frames");
        List<FrameOcr> frames = timer.time("2 frames: OCR", () -> stages.readFrames(sampled),
                f -> f.stream().filter(FrameOcr::tradingText).count() + " with trading text");
        List<KeywordHit> hits = timer.time("3 keywords", () -> stages.keywords(transcript, frames),
                h -> h.size() + " hits");
        ClipPlan plan = timer.time("4 clips: plan", () -> stages.planClips(hits, probe.durationSeconds()),
                p -> p.clips().size() + " clips planned");
        List<CutClip> clips = timer.time("4 clips: cut", () -> stages.cutClips(video, plan, out.resolve("clips")),
                c -> c.size() + " clips cut");
        List<Concept> concepts = timer.time("5 concepts", () -> stages.concepts(transcript, frames),
                c -> c.size() + " concepts");
        long copying = System.nanoTime();
        List<CutClip> copied = stages.cutClipsByStreamCopy(video, plan, out.resolve("clips-copy"));
        double copySeconds = (System.nanoTime() - copying) / 1e9;
        System.out.printf(Locale.ROOT, "   (for comparison, not a stage: the same clips by stream copy %.1f s)%n",
                copySeconds);
        FileSystemUtils.deleteRecursively(out);
        transcript.notes().forEach(n -> System.out.println("   note: " + n));

        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("transcript source", transcript.source());
        counts.put("segments / words", transcript.segments().size() + " / " + transcript.wordCount());
        counts.put("frames (with trading text)", frames.size() + " ("
                + frames.stream().filter(FrameOcr::tradingText).count() + ")");
        counts.put("keyword hits", String.valueOf(hits.size()));
        counts.put("clips (total s)", String.format(Locale.ROOT, "%d (%.0f)", clips.size(),
                clips.stream().mapToDouble(CutClip::durationSeconds).sum()));
        counts.put("concepts", String.valueOf(concepts.size()));
        counts.put("4 clips: cut with cut-mode copy instead (not in the total)", String.format(Locale.ROOT,
                "%.1f s, %.0f s of clips", copySeconds, copied.stream().mapToDouble(CutClip::durationSeconds).sum()));
        double targetSeconds = target < 0 ? -target * probe.durationSeconds() : target;
        return new Run(name, probe, timer.seconds, timer.cpu, timer.peaks, counts, targetSeconds);
    }

    /** Times one stage at a time and takes its memory peaks. */
    private static final class Timer {

        final Map<String, Double> seconds = new LinkedHashMap<>();
        final Map<String, Double> cpu = new LinkedHashMap<>();
        final Map<String, BenchmarkMemory.Peaks> peaks = new LinkedHashMap<>();
        private final BenchmarkMemory memory;

        Timer(BenchmarkMemory memory) {
            this.memory = memory;
        }

        <T> T time(String stage, Callable<T> work, Function<T, String> summary) throws Exception {
            memory.begin();
            double cpuStart = BenchmarkMachine.cpuSeconds();
            long start = System.nanoTime();
            T result = work.call();
            double elapsed = (System.nanoTime() - start) / 1e9;
            double cpuUsed = BenchmarkMachine.cpuSeconds() - cpuStart;
            BenchmarkMemory.Peaks peak = memory.end();
            seconds.put(stage, elapsed);
            cpu.put(stage, cpuUsed);
            peaks.put(stage, peak);
            System.out.printf(Locale.ROOT,
                    "   %-18s %7.1f s (CPU %6.1f s)  JVM %4.0f MB, heaviest child %4.0f MB (%s)  %s  [load %s]%n",
                    stage, elapsed, cpuUsed, peak.jvmKb() / MB, peak.heaviestChildKb() / MB, peak.heaviestChild(),
                    summary.apply(result), BenchmarkMachine.loadAverage());
            return result;
        }
    }
}
