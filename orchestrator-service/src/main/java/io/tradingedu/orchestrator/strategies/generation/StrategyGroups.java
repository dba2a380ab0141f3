package io.tradingedu.orchestrator.strategies.generation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Which concepts belong to one strategy. In the order said, lesson by lesson:
 * <ul>
 *   <li>a <em>restatement</em> (an entry or filter condition, or an entry level, that a strategy of the lesson already
 *       has: the slide showing what was just said, the speech reading the slide, a recap) joins that strategy and
 *       never starts a new one, however the slides and the speech interleave in time;</li>
 *   <li>a new strategy starts when a different entry comes after the current strategy already has an entry and a way
 *       out (exit, exit level, stop, target, trailing stop or time limit): the lesson has moved on to its next
 *       strategy. What the same sentence said before that entry ("the second setup: go short when …", "with a 2%
 *       stop, buy when …") goes with it;</li>
 *   <li>nothing tradable said for {@value #GAP_SECONDS} seconds, or another lesson, also starts one.</li>
 * </ul>
 * Risk rules, exits and directions said before the first entry belong to the strategy that follows ("always use a
 * 2% stop … buy when …"); those said after its entry belong to it. Instruments and timeframes go with the strategy
 * being taught when they are said, as its evidence.
 */
final class StrategyGroups {

    static final double GAP_SECONDS = 90;
    private static final Set<String> TRADABLE = Set.of("condition", "level", "risk_rule", "direction");
    /** Said about a strategy without being one of its rules. */
    private static final Set<String> NOTED = Set.of("instrument", "timeframe");
    private static final Set<String> WAYS_OUT = Set.of("stop_loss", "take_profit", "risk_reward", "trailing_stop",
            "max_holding");

    /** One strategy's concepts as they are gathered. */
    private static final class Group {

        private final UUID media;
        private final List<LessonConcept> concepts = new ArrayList<>();
        private double lastEnd = Double.NEGATIVE_INFINITY;

        private Group(UUID media) {
            this.media = media;
        }

        void add(LessonConcept c) {
            concepts.add(c);
            lastEnd = Math.max(lastEnd, c.concept().end());
        }

        boolean complete() {
            return concepts.stream().anyMatch(StrategyGroups::isEntry)
                    && concepts.stream().anyMatch(StrategyGroups::isWayOut);
        }

        boolean restates(LessonConcept c) {
            return Objects.equals(media, c.mediaId()) && concepts.stream()
                    .anyMatch(g -> entryLike(g) && g.concept().textForm().equals(c.concept().textForm()));
        }

        boolean tradable() {
            return concepts.stream().anyMatch(c -> TRADABLE.contains(c.kind()));
        }

        /**
         * Moves what the sentence of {@code entry} said before it from this group to {@code next}, unless that
         * would leave this group without an entry or a way out.
         */
        void giveSentenceTo(Group next, LessonConcept entry) {
            int from = concepts.size();
            while (from > 0 && sameSentence(concepts.get(from - 1), entry) && movable(concepts.get(from - 1))) {
                from--;
            }
            List<LessonConcept> moved = new ArrayList<>(concepts.subList(from, concepts.size()));
            List<LessonConcept> kept = concepts.subList(0, from);
            if (moved.isEmpty() || kept.stream().noneMatch(StrategyGroups::isEntry)
                    || kept.stream().noneMatch(StrategyGroups::isWayOut)) {
                return;
            }
            concepts.subList(from, concepts.size()).clear();
            moved.forEach(next::add);
        }

        private static boolean sameSentence(LessonConcept a, LessonConcept b) {
            return Objects.equals(a.mediaId(), b.mediaId()) && a.concept().start() == b.concept().start()
                    && Objects.equals(a.concept().quote(), b.concept().quote())
                    && Objects.equals(a.concept().source(), b.concept().source());
        }

        /** Exits said before a new entry in one sentence ("sell at 70, then buy …") stay with the strategy before. */
        private static boolean movable(LessonConcept c) {
            return !isEntry(c) && !"exit".equals(c.role());
        }
    }

    private StrategyGroups() {
    }

    static List<List<LessonConcept>> of(List<LessonConcept> concepts) {
        // one lesson after the other (in the order given), each in the order said
        List<UUID> lessons = concepts.stream().map(LessonConcept::mediaId).distinct().toList();
        List<LessonConcept> said = concepts.stream().filter(c -> TRADABLE.contains(c.kind())
                        || NOTED.contains(c.kind()))
                .sorted(Comparator.<LessonConcept>comparingInt(c -> lessons.indexOf(c.mediaId()))
                        .thenComparingDouble(c -> c.concept().start())).toList();
        List<Group> groups = new ArrayList<>();
        Group current = null;
        for (LessonConcept c : said) {
            if (current != null && (!Objects.equals(c.mediaId(), current.media)
                    || c.concept().start() - current.lastEnd > GAP_SECONDS)) {
                current = null;
            }
            if (entryLike(c)) {
                Group restated = groups.stream().filter(g -> g.restates(c)).findFirst().orElse(null);
                if (restated != null) {
                    restated.add(c);
                    current = restated;
                    continue;
                }
            }
            if (current == null || isEntry(c) && current.complete()) {
                Group next = new Group(c.mediaId());
                if (current != null) {
                    current.giveSentenceTo(next, c);
                }
                groups.add(next);
                current = next;
            }
            current.add(c);
        }
        return groups.stream().filter(Group::tradable).map(g -> List.copyOf(g.concepts)).toList();
    }

    static boolean isEntry(LessonConcept c) {
        return (c.kind().equals("condition") || c.kind().equals("level")) && "entry".equals(c.role());
    }

    /** What gets a trade in: an entry or filter condition (or one said without a role), an entry level. */
    static boolean entryLike(LessonConcept c) {
        return c.kind().equals("condition") && !"exit".equals(c.role())
                || c.kind().equals("level") && !"exit".equals(c.role());
    }

    static boolean isWayOut(LessonConcept c) {
        return (c.kind().equals("condition") || c.kind().equals("level")) && "exit".equals(c.role())
                || c.kind().equals("risk_rule") && WAYS_OUT.contains(c.concept().name());
    }
}
