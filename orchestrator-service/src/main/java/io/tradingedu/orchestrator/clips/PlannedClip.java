package io.tradingedu.orchestrator.clips;

import java.util.List;

/**
 * One highlight the planner chose.
 *
 * @param start      seconds into the video (millisecond precision)
 * @param end        seconds into the video
 * @param keywords   the distinct keywords inside, in order of appearance
 * @param categories their distinct categories, in order of appearance
 * @param hits       how many keyword hits the clip holds
 * @param score      weighted hits per minute: sum of confidence x importance, x 60, / clip seconds
 */
public record PlannedClip(double start, double end, List<String> keywords, List<String> categories, int hits,
                          double score) {

    public PlannedClip {
        keywords = List.copyOf(keywords);
        categories = List.copyOf(categories);
    }

    public double duration() {
        return end - start;
    }
}
