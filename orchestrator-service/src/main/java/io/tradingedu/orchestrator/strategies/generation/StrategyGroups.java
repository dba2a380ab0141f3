package io.tradingedu.orchestrator.strategies.generation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Which concepts belong to one strategy. In the order said, a strategy runs on until
 * <ul>
 *   <li>a new entry comes after the current strategy already has an entry and a way out (exit, exit level, stop,
 *       target, trailing stop or time limit): the lesson has moved on to its next strategy; or</li>
 *   <li>nothing tradable was said for {@value #GAP_SECONDS} seconds: a new topic; or another lesson begins.</li>
 * </ul>
 * Risk rules, exits and directions said before the first entry belong to the strategy that follows ("always use a
 * 2% stop … buy when …"); those said after its entry belong to it.
 */
final class StrategyGroups {

    static final double GAP_SECONDS = 90;
    private static final Set<String> TRADABLE = Set.of("condition", "level", "risk_rule", "direction");
    private static final Set<String> WAYS_OUT = Set.of("stop_loss", "take_profit", "risk_reward", "trailing_stop",
            "max_holding");

    private StrategyGroups() {
    }

    static List<List<LessonConcept>> of(List<LessonConcept> concepts) {
        // one lesson after the other (in the order given), each in the order said
        List<UUID> lessons = concepts.stream().map(LessonConcept::mediaId).distinct().toList();
        List<LessonConcept> tradable = concepts.stream().filter(c -> TRADABLE.contains(c.kind()))
                .sorted(Comparator.<LessonConcept>comparingInt(c -> lessons.indexOf(c.mediaId()))
                        .thenComparingDouble(c -> c.concept().start())).toList();
        List<List<LessonConcept>> groups = new ArrayList<>();
        List<LessonConcept> current = new ArrayList<>();
        double lastEnd = Double.NEGATIVE_INFINITY;
        boolean hasEntry = false;
        boolean hasWayOut = false;
        for (LessonConcept c : tradable) {
            boolean entry = isEntry(c);
            boolean gap = !current.isEmpty() && (c.concept().start() - lastEnd > GAP_SECONDS
                    || !Objects.equals(c.mediaId(), current.getLast().mediaId()));
            if (gap || entry && hasEntry && hasWayOut) {
                groups.add(current);
                current = new ArrayList<>();
                hasEntry = false;
                hasWayOut = false;
            }
            current.add(c);
            lastEnd = Math.max(lastEnd, c.concept().end());
            hasEntry |= entry;
            hasWayOut |= isWayOut(c);
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    static boolean isEntry(LessonConcept c) {
        return (c.kind().equals("condition") || c.kind().equals("level")) && "entry".equals(c.role());
    }

    static boolean isWayOut(LessonConcept c) {
        return (c.kind().equals("condition") || c.kind().equals("level")) && "exit".equals(c.role())
                || c.kind().equals("risk_rule") && WAYS_OUT.contains(c.concept().name());
    }
}
