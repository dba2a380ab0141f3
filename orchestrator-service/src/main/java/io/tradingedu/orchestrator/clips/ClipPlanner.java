package io.tradingedu.orchestrator.clips;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Stage 4, first half: decides which parts of a video become highlight clips. Pure and deterministic: the same hits
 * and settings give the same plan.
 *
 * <p>Each hit gets a window (padding before and after, clamped to the video); near windows merge as long as the
 * result stays within the maximum duration; short windows are widened to the minimum. Windows are ranked by
 * weighted hits per minute (keyword density times confidence x importance), the best {@code maxClips} are kept and
 * returned in time order.
 */
@Component
public class ClipPlanner {

    private static final Comparator<ClipHit> BY_TIME = Comparator.comparingDouble(ClipHit::start)
            .thenComparingDouble(ClipHit::end).thenComparing(ClipHit::keyword).thenComparing(ClipHit::category)
            .thenComparingDouble(ClipHit::confidence).thenComparingDouble(ClipHit::importance);
    private static final Comparator<PlannedClip> BEST_FIRST = Comparator.comparingDouble(PlannedClip::score).reversed()
            .thenComparing(Comparator.comparingInt(PlannedClip::hits).reversed())
            .thenComparingDouble(PlannedClip::start);

    private final ClipProperties properties;
    private final ClipWindows windows;

    public ClipPlanner(ClipProperties properties) {
        this.properties = properties;
        this.windows = new ClipWindows(properties);
    }

    /**
     * @param hits            the video's keyword hits, in any order
     * @param durationSeconds the video's duration
     */
    public ClipPlan plan(List<ClipHit> hits, double durationSeconds) {
        if (!(durationSeconds > 0) || Double.isInfinite(durationSeconds)) {
            return new ClipPlan(List.of(), List.of("the video has no known duration: no clips"));
        }
        if (hits.isEmpty()) {
            return new ClipPlan(List.of(), List.of("no keyword hits: no clips"));
        }
        List<String> notes = new ArrayList<>();
        List<ClipHit> usable = new ArrayList<>();
        int belowFloor = 0;
        int outside = 0;
        for (ClipHit hit : hits) {
            if (hit.confidence() < properties.minConfidence()) {
                belowFloor++;
            } else if (hit.start() > durationSeconds || hit.end() < 0) {
                outside++;
            } else {
                usable.add(new ClipHit(hit.keyword(), hit.category(), Math.max(0, hit.start()),
                        Math.min(durationSeconds, hit.end()), hit.confidence(), hit.importance()));
            }
        }
        if (belowFloor > 0) {
            notes.add(String.format(Locale.ROOT, "%s below the confidence floor %.2f ignored",
                    count(belowFloor, "hit"), properties.minConfidence()));
        }
        if (outside > 0) {
            notes.add(count(outside, "hit") + " outside the video (0-" + seconds(durationSeconds) + ") ignored");
        }
        if (usable.isEmpty()) {
            notes.add("no usable keyword hits: no clips");
            return new ClipPlan(List.of(), notes);
        }
        usable.sort(BY_TIME);
        ClipWindows.Result built = windows.build(usable, durationSeconds);
        describe(built, usable.size(), notes);

        List<PlannedClip> ranked = built.windows().stream().map(ClipPlanner::toClip).sorted(BEST_FIRST).toList();
        if (ranked.size() > properties.maxClips()) {
            notes.add("capped at " + properties.maxClips() + " of " + ranked.size() + " windows (lowest scores dropped)");
            ranked = ranked.subList(0, properties.maxClips());
        }
        return new ClipPlan(ranked.stream().sorted(Comparator.comparingDouble(PlannedClip::start)).toList(), notes);
    }

    private void describe(ClipWindows.Result built, int hits, List<String> notes) {
        int count = built.windows().size();
        if (hits > count) {
            notes.add(count(hits, "hit") + " grouped into " + count(count, "window"));
        }
        String max = seconds(properties.maxSeconds());
        if (built.trimmed() > 0) {
            notes.add(count(built.trimmed(), "hit window") + " cut to the " + max + " maximum");
        }
        if (built.split() > 0) {
            notes.add(count(built.split(), "new window") + " started to stay within the " + max + " maximum");
        }
        if (built.widened() > 0) {
            notes.add(count(built.widened(), "window") + " widened towards the " + seconds(properties.minSeconds())
                    + " minimum");
        }
    }

    private static PlannedClip toClip(ClipWindows.Window window) {
        Set<String> keywords = new LinkedHashSet<>();
        Set<String> categories = new LinkedHashSet<>();
        double weight = 0;
        for (ClipHit hit : window.hits()) {
            keywords.add(hit.keyword());
            if (!hit.category().isEmpty()) {
                categories.add(hit.category());
            }
            weight += hit.weight();
        }
        double start = round(window.start(), 1000);
        double end = round(window.end(), 1000);
        double score = round(weight * 60 / Math.max(end - start, 0.001), 10_000);
        return new PlannedClip(start, end, List.copyOf(keywords), List.copyOf(categories), window.hits().size(), score);
    }

    private static double round(double value, double scale) {
        return Math.round(value * scale) / scale;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String seconds(double s) {
        return s == Math.rint(s) ? String.format(Locale.ROOT, "%.0f s", s) : String.format(Locale.ROOT, "%.1f s", s);
    }
}
