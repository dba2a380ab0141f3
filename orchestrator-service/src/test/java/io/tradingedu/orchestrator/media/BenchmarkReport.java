package io.tradingedu.orchestrator.media;

import io.tradingedu.orchestrator.media.MediaStagesBenchmark.Run;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The results as Markdown tables, ready for docs/media-benchmark.md. */
final class BenchmarkReport {

    private static final double MB = 1024.0;
    private static final long WORKER_LIMIT_KB = 1024 * 1024;

    private BenchmarkReport() {
    }

    static String table(List<Run> runs) {
        StringBuilder out = new StringBuilder();
        header(out, "wall time (CPU time, JVM + tools)", runs);
        for (String stage : runs.getFirst().seconds().keySet()) {
            row(out, stage, runs, r -> String.format(Locale.ROOT, "%.1f s (%.1f s)", r.seconds().get(stage),
                    r.cpuSeconds().get(stage)));
        }
        row(out, "**stages 2-5**", runs, r -> String.format(Locale.ROOT, "**%.1f s** (%.1f s)", r.total(),
                r.totalCpu()));
        row(out, "ratio to the video's duration", runs, r -> String.format(Locale.ROOT, "%.3f (of %.0f s)",
                r.total() / r.probe().durationSeconds(), r.probe().durationSeconds()));
        row(out, "target", runs, r -> String.format(Locale.ROOT, "< %.0f s: %s", r.targetSeconds(),
                r.total() < r.targetSeconds() ? "met" : "**missed**"));
        out.append('\n');

        header(out, "result", runs);
        for (String count : runs.getFirst().counts().keySet()) {
            row(out, count, runs, r -> r.counts().get(count));
        }
        out.append('\n');

        header(out, "peak RSS: JVM / heaviest child", runs);
        for (String stage : runs.getFirst().memory().keySet()) {
            row(out, stage, runs, r -> {
                var p = r.memory().get(stage);
                return String.format(Locale.ROOT, "%.0f / %s", p.jvmKb() / MB, p.childrenSeen() == 0 ? "-"
                        : String.format(Locale.ROOT, "%.0f MB (%s)", p.heaviestChildKb() / MB, p.heaviestChild()));
            });
        }
        row(out, "JVM, all stages", runs, r -> mb(max(r, BenchmarkMemory.Peaks::jvmKb)));
        row(out, "children at once, all stages", runs, r -> mb(max(r, BenchmarkMemory.Peaks::childrenTogetherKb)));
        row(out, "worker (JVM + children at once)", runs, r -> {
            long kb = max(r, p -> p.jvmKb() + p.childrenTogetherKb());
            return mb(kb) + (kb < WORKER_LIMIT_KB ? " (< 1 GB: met)" : " (< 1 GB: **missed**)");
        });
        return out.toString();
    }

    private static long max(Run run, Function<BenchmarkMemory.Peaks, Long> value) {
        return run.memory().values().stream().map(value).max(Comparator.naturalOrder()).orElse(0L);
    }

    private static String mb(long kb) {
        return String.format(Locale.ROOT, "%.0f MB", kb / MB);
    }

    private static void header(StringBuilder out, String title, List<Run> runs) {
        out.append("| ").append(title);
        runs.forEach(r -> out.append(" | ").append(r.name()));
        out.append(" |\n|---");
        runs.forEach(r -> out.append("|---:"));
        out.append("|\n");
    }

    private static void row(StringBuilder out, String label, List<Run> runs, Function<Run, String> cell) {
        out.append("| ").append(label);
        runs.forEach(r -> out.append(" | ").append(cell.apply(r)));
        out.append(" |\n");
    }
}
