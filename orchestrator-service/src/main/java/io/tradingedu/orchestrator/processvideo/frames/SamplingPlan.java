package io.tradingedu.orchestrator.processvideo.frames;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses which moments of a video become frames, from the scene changes ffmpeg found. Pure, so the rules are tested
 * without ffmpeg:
 * <ol>
 *   <li>the opening frame (0.5 s in) is always kept;</li>
 *   <li>scene changes are kept in order unless closer than {@code minSpacing} to the previous kept one;</li>
 *   <li>when that gives fewer than {@value #MIN_SCENE_FRAMES} frames, or fewer than one per two target intervals
 *       (similar slides the scene score cannot tell apart), fixed-interval frames are added wherever no scene frame
 *       lies within {@code minSpacing};</li>
 *   <li>over the cap, the most spread-out frames are kept (farthest-point selection from the opening frame).</li>
 * </ol>
 */
final class SamplingPlan {

    static final double FIRST_FRAME = 0.5;
    static final int MIN_SCENE_FRAMES = 3;
    /** A short video still gets about this many interval frames. */
    static final int SHORT_VIDEO_FRAMES = 6;
    /** Interval frames stay this far from the end, where seeking may find no frame. */
    static final double END_MARGIN = 0.5;

    record Pick(double time, String selection) {
    }

    private SamplingPlan() {
    }

    static List<Pick> choose(List<Double> sceneChanges, double duration, FrameProperties properties) {
        double spacing = properties.minSpacingSeconds();
        double first = Math.min(FIRST_FRAME, duration / 2);
        List<Pick> picks = new ArrayList<>();
        picks.add(new Pick(first, SampledFrame.SCENE));
        double last = first;
        for (double t : sceneChanges.stream().sorted().toList()) {
            if (t < duration && t - last >= spacing) {
                picks.add(new Pick(t, SampledFrame.SCENE));
                last = t;
            }
        }
        double wanted = Math.max(MIN_SCENE_FRAMES, duration / (2 * properties.targetIntervalSeconds()));
        if (picks.size() < wanted) {
            List<Pick> scenes = List.copyOf(picks);
            double interval = interval(duration, properties);
            for (int k = 1; first + k * interval <= duration - END_MARGIN; k++) {
                double t = first + k * interval;
                if (scenes.stream().noneMatch(p -> Math.abs(p.time() - t) < spacing)) {
                    picks.add(new Pick(t, SampledFrame.INTERVAL));
                }
            }
        }
        picks.sort(Comparator.comparingDouble(Pick::time));
        return picks.size() > properties.maxFramesPerVideo() ? spreadOut(picks, properties.maxFramesPerVideo()) : picks;
    }

    /** A sixth of a short video, {@code targetInterval} on longer ones, stretched so the interval frames fit the cap. */
    static double interval(double duration, FrameProperties properties) {
        double forLength = Math.max(properties.minSpacingSeconds(),
                Math.min(duration / SHORT_VIDEO_FRAMES, properties.targetIntervalSeconds()));
        return Math.max(duration / properties.maxFramesPerVideo(), forLength);
    }

    /** Keeps {@code cap} picks (the first always), each time adding the one farthest from all kept so far. */
    static List<Pick> spreadOut(List<Pick> sorted, int cap) {
        List<Pick> kept = new ArrayList<>(List.of(sorted.getFirst()));
        double[] distance = new double[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            distance[i] = Math.abs(sorted.get(i).time() - sorted.getFirst().time());
        }
        while (kept.size() < cap) {
            int best = 0;
            for (int i = 1; i < distance.length; i++) {
                if (distance[i] > distance[best]) {
                    best = i;
                }
            }
            Pick chosen = sorted.get(best);
            kept.add(chosen);
            for (int i = 0; i < distance.length; i++) {
                distance[i] = Math.min(distance[i], Math.abs(sorted.get(i).time() - chosen.time()));
            }
        }
        kept.sort(Comparator.comparingDouble(Pick::time));
        return kept;
    }
}
