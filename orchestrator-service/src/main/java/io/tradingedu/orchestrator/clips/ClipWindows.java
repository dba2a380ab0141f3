package io.tradingedu.orchestrator.clips;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns time-ordered hits into windows: padding around each hit, clamped to the video, near windows merged up to the
 * maximum duration, short windows widened to the minimum. Counts what it had to bend so the planner can say so.
 */
final class ClipWindows {

    /** Rounding slack: windows are compared in seconds computed from millisecond durations. */
    private static final double EPS = 1e-6;

    /** A window and the hits it shows. */
    record Window(double start, double end, List<ClipHit> hits) {

        double length() {
            return end - start;
        }
    }

    /**
     * @param trimmed single-hit windows cut to the maximum
     * @param split   times a window could not grow past the maximum and a new one was started
     * @param widened windows widened to the minimum
     */
    record Result(List<Window> windows, int trimmed, int split, int widened) {
    }

    private final double before;
    private final double after;
    private final double gap;
    private final double min;
    private final double max;

    ClipWindows(ClipProperties properties) {
        this.before = properties.paddingBeforeSeconds();
        this.after = properties.paddingAfterSeconds();
        this.gap = properties.mergeGapSeconds();
        this.min = properties.minSeconds();
        this.max = properties.maxSeconds();
    }

    /** @param hits within [0, duration], ordered by start */
    Result build(List<ClipHit> hits, double duration) {
        List<Window> windows = new ArrayList<>();
        int trimmed = 0;
        int split = 0;
        Window current = null;
        for (ClipHit hit : hits) {
            double start = Math.max(0, hit.start() - before);
            double end = Math.min(duration, hit.end() + after);
            if (end - start > max + EPS) {
                trimmed++;
                double mid = (hit.start() + hit.end()) / 2;
                start = Math.max(0, Math.min(mid - max / 2, duration - max));
                end = start + max;
            }
            if (current != null && start <= current.end() + gap + EPS) {
                if (Math.max(current.end(), end) - current.start() <= max + EPS) {
                    current = extend(current, hit, Math.max(current.end(), end));
                    continue;
                }
                if (hit.end() <= current.end()) {
                    // The hit is already shown in full; a second clip would mostly repeat the first.
                    current = extend(current, hit, current.end());
                    continue;
                }
                split++;
                // Start after the full window where the hit allows it, so neighbouring clips do not repeat footage.
                start = Math.max(start, Math.min(current.end(), hit.start()));
            }
            if (current != null) {
                windows.add(current);
            }
            current = new Window(start, end, List.of(hit));
        }
        if (current != null) {
            windows.add(current);
        }
        int widened = 0;
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            if (w.length() < min - EPS && w.length() < duration - EPS) {
                windows.set(i, widen(w, duration));
                widened++;
            }
        }
        return new Result(List.copyOf(windows), trimmed, split, widened);
    }

    private static Window extend(Window window, ClipHit hit, double end) {
        List<ClipHit> hits = new ArrayList<>(window.hits());
        hits.add(hit);
        return new Window(window.start(), end, hits);
    }

    /** Symmetric where the video allows, otherwise shifted away from its start or end. */
    private Window widen(Window w, double duration) {
        double target = Math.min(min, duration);
        double extra = (target - w.length()) / 2;
        double start = w.start() - extra;
        double end = w.end() + extra;
        if (start < 0) {
            end -= start;
            start = 0;
        }
        if (end > duration) {
            start = Math.max(0, start - (end - duration));
            end = duration;
        }
        return new Window(start, end, w.hits());
    }
}
