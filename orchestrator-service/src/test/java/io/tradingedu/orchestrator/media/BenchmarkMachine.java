package io.tradingedu.orchestrator.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine the figures were measured on: they mean little without it. */
final class BenchmarkMachine {

    /** USER_HZ: Linux reports /proc times in 1/100 s on every mainstream architecture. */
    private static final int CLOCK_TICKS = 100;

    private BenchmarkMachine() {
    }

    static String describe() {
        return String.format(Locale.ROOT, "machine: %d processors, %s, %s; Java %s, max heap %d MB; load average %s",
                Runtime.getRuntime().availableProcessors(), cpuModel(), memory(), Runtime.version(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), loadAverage());
    }

    /** The 1, 5 and 15 minute load averages: the machine may be shared. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * CPU seconds used so far by the JVM and by the child processes it has waited for (ffmpeg, pocketsphinx,
     * tesseract): unlike wall time, this does not grow when other work shares the machine.
     */
    static double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // fields after the command name in parentheses: state is 3, utime 14, stime 15, cutime 16, cstime 17
            String[] f = stat.substring(stat.lastIndexOf(')') + 1).strip().split("\\s+");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return ticks / (double) CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String cpuModel() {
        return field(Path.of("/proc/cpuinfo"), "model name");
    }

    private static String memory() {
        String total = field(Path.of("/proc/meminfo"), "MemTotal");
        try {
            return Long.parseLong(total.replace("kB", "").strip()) / (1024 * 1024) + " GB RAM";
        } catch (NumberFormatException e) {
            return total + " RAM";
        }
    }

    private static String field(Path file, String name) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(name) && l.contains(":"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
