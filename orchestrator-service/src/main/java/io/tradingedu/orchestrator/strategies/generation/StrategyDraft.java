package io.tradingedu.orchestrator.strategies.generation;

import io.tradingedu.orchestrator.concepts.Concept;
import io.tradingedu.shared.strategy.IndicatorKind;
import io.tradingedu.shared.strategy.StrategyDefinition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.IntNode;

/**
 * One group of concepts written as the compact text of a strategy, from the concepts' own text forms, with the
 * documented defaults for what the lesson left unstated (docs/strategy-generation.md, "Defaults"):
 * <ul>
 *   <li>entry: the entry conditions in the order said, then the filters ({@code entry:} lines all hold);
 *       conditions said without a role count as the entry only when no condition was said as one;</li>
 *   <li>exit: the exit conditions (alternatives), an exit level as {@code exit_stop};</li>
 *   <li>direction long, sizing the whole account (the language's default, as classic results are quoted), or an
 *       equal share per unit when the lesson adds units ({@code pyramiding: n} → {@code size: 100/n %});</li>
 *   <li>no stop added when the lesson teaches a way out (a stop it did not teach would test another strategy);
 *       with no way out at all, or a target in R or risk-based sizing that need one, a 2 ATR(14) stop (and with no
 *       way out a 2R target), swept in stage 9.</li>
 * </ul>
 * Every assumption is named by its path in the strategy JSON ({@link AssumedFields}); the evidence is one item per
 * quote with all the concepts it states, restatements (the slide of what was said) included.
 */
final class StrategyDraft {

    static final String DEFAULT_STOP = "stop_loss: 2 ATR(14)";
    static final String DEFAULT_TARGET = "take_profit: 2R";
    private static final int DEFAULT_ATR_PERIOD = 14;

    private final List<String> entries = new ArrayList<>();
    private final List<String> filters = new ArrayList<>();
    private final List<String> loose = new ArrayList<>();
    private final List<String> exits = new ArrayList<>();
    private final Map<String, String> risk = new LinkedHashMap<>();
    /** Every concept the strategy rests on, restatements included: its evidence. */
    private final List<LessonConcept> used = new ArrayList<>();
    private final List<LessonConcept> looseConcepts = new ArrayList<>();
    private final List<AssumedFields.Pending> assumed = new ArrayList<>();
    private final Set<OpenParameters.Open> open = new LinkedHashSet<>();
    private String entryLevel;
    private String exitLevel;
    private String direction;
    private boolean defaultStop;

    private StrategyDraft() {
    }

    static StrategyDraft of(List<LessonConcept> group) {
        StrategyDraft draft = new StrategyDraft();
        group.forEach(draft::read);
        draft.complete();
        return draft;
    }

    private void read(LessonConcept c) {
        Concept concept = c.concept();
        switch (c.kind()) {
            case "condition" -> {
                String role = c.role();
                List<String> target = role == null ? loose : switch (role) {
                    case "entry" -> entries;
                    case "exit" -> exits;
                    default -> filters;
                };
                if (role == null) {
                    looseConcepts.add(c);
                } else {
                    used.add(c);
                }
                // a restatement (the slide of what was said) is evidence, not a second condition
                if (!target.contains(concept.textForm())) {
                    target.add(concept.textForm());
                    if (role != null) {
                        noteAssumed(c, role.equals("exit") ? "exit" : "entry");
                    }
                }
            }
            case "level" -> {
                if (concept.name().equals("entry_stop") && (entryLevel == null
                        || entryLevel.equals(concept.textForm()))) {
                    entryLevel = concept.textForm();
                    used.add(c);
                } else if (concept.name().equals("exit_stop") && (exitLevel == null
                        || exitLevel.equals(concept.textForm()))) {
                    exitLevel = concept.textForm();
                    used.add(c);
                }
            }
            case "risk_rule" -> {
                // the last said wins: teachers correct themselves ("a 2% stop, no, make it 3%")
                risk.put(riskKey(concept.name()), concept.textForm());
                used.add(c);
            }
            case "direction" -> {
                direction = concept.name();
                used.add(c);
            }
            // the instrument and timeframe it was taught on: evidence, the strategy language has no line for them
            case "instrument", "timeframe" -> used.add(c);
            default -> {
            }
        }
    }

    /** The strategy line a risk rule writes. */
    private static String riskKey(String rule) {
        return switch (rule) {
            case "risk_reward" -> "take_profit";
            case "max_holding" -> "max_bars";
            case "position_risk" -> "size";
            default -> rule;
        };
    }

    private void complete() {
        if (entries.isEmpty() && entryLevel == null && !loose.isEmpty()) {
            entries.addAll(loose);
            Set<String> noted = new LinkedHashSet<>();
            for (LessonConcept c : looseConcepts) {
                used.add(c);
                if (noted.add(c.concept().textForm())) {
                    noteAssumed(c, "entry");
                }
            }
        } else {
            // said without a role, but the same as a rule of the strategy: more evidence for it
            looseConcepts.stream().filter(c -> entries.contains(c.concept().textForm())
                    || filters.contains(c.concept().textForm()) || exits.contains(c.concept().textForm()))
                    .forEach(used::add);
        }
        if (entryMissing()) {
            return;
        }
        if (direction == null) {
            assumed.add(new AssumedFields.At("direction", null, "the lesson did not say long or short; a lesson "
                    + "that says buy means long"));
        }
        boolean wayOut = !exits.isEmpty() || exitLevel != null || risk.containsKey("stop_loss")
                || risk.containsKey("take_profit") || risk.containsKey("trailing_stop") || risk.containsKey("max_bars");
        boolean needsStop = !risk.containsKey("stop_loss") && (risk.getOrDefault("take_profit", "").endsWith("R")
                || risk.getOrDefault("size", "").contains("risk"));
        if (!wayOut || needsStop) {
            risk.put("stop_loss", DEFAULT_STOP);
            assumed.add(new AssumedFields.At("risk.stop_loss", null, wayOut
                    ? "a target in R or risk-based sizing is measured from a stop the lesson did not state"
                    : "the lesson teaches no way out of a trade; a volatility stop is the neutral default"));
            defaultStop = true;
        } else if (!risk.containsKey("stop_loss")) {
            assumed.add(new AssumedFields.At("risk.stop_loss", null, "no stop: the lesson's exit closes every "
                    + "position; a stop it did not teach would test another strategy"));
        }
        if (!wayOut) {
            risk.put("take_profit", DEFAULT_TARGET);
            assumed.add(new AssumedFields.At("risk.take_profit", null, "the lesson teaches no exit; a target of "
                    + "twice the risk pairs with the default stop"));
        }
        if (risk.getOrDefault("stop_loss", "").matches(".*ATR\\s*$")) {
            assumed.add(new AssumedFields.At("risk.stop_loss.atr_period", IntNode.valueOf(DEFAULT_ATR_PERIOD),
                    "the ATR's period was not stated: the catalogue default"));
        }
        if (!risk.containsKey("size") && risk.containsKey("pyramiding")) {
            // n units of the whole account would need leverage: each unit takes an n-th of it
            int units = Integer.parseInt(risk.get("pyramiding").replaceAll("\\D", ""));
            String share = BigDecimal.valueOf(100.0 / units).setScale(2, RoundingMode.DOWN).stripTrailingZeros()
                    .toPlainString();
            risk.put("size", "size: " + share + "%");
            assumed.add(new AssumedFields.At("sizing.fraction_of_equity", null, "the lesson adds up to " + units
                    + " units without sizing them: each takes an equal share (" + share + "%) of the account (no "
                    + "leverage)"));
        } else if (!risk.containsKey("size")) {
            assumed.add(new AssumedFields.At("sizing.fraction_of_equity", null, "the lesson did not size positions: "
                    + "the language's default, every position takes the account (no leverage)"));
        }
    }

    /**
     * Parameters, thresholds or operands the concept says it assumed (after {@link StatedParameters} filled in what
     * the lesson stated elsewhere), placed in the strategy later; parameters are left open for tuning.
     */
    private void noteAssumed(LessonConcept c, String side) {
        if (!(c.concept().details().get("assumed") instanceof List<?> names) || names.isEmpty()) {
            return;
        }
        String text = c.concept().textForm();
        for (Object name : names) {
            String what = String.valueOf(name);
            assumed.add(new AssumedFields.InCondition(side, text, what, switch (what) {
                case "threshold" -> "the level was not stated (" + text + "): the conventional oversold/overbought "
                        + "reading";
                case "operands" -> "the averages were not named (" + text + "): the standard 50- and 200-day";
                default -> "the " + what + " was not stated in the lesson (" + text + "): the catalogue default";
            }));
        }
        if (c.concept().details().get("condition") instanceof Map<?, ?> json) {
            collectOpen(json, names.stream().map(String::valueOf).toList());
        }
    }

    private void collectOpen(Object node, List<String> names) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("indicator") instanceof String indicator && map.get("params") instanceof Map<?, ?> params) {
                IndicatorKind kind = IndicatorKind.byName(indicator).orElse(null);
                for (var p : params.entrySet()) {
                    String param = String.valueOf(p.getKey());
                    if (names.contains(param) && p.getValue() instanceof Number value && kind != null
                            && kind.param(param).map(d -> d.defaultValue() == value.doubleValue()).orElse(false)) {
                        open.add(new OpenParameters.Open(indicator, param, value.doubleValue()));
                    }
                }
            }
            map.values().forEach(v -> collectOpen(v, names));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectOpen(v, names));
        }
    }

    boolean entryMissing() {
        return entries.isEmpty() && entryLevel == null;
    }

    String text() {
        List<String> lines = new ArrayList<>();
        lines.add("name: " + name());
        if ("short".equals(direction)) {
            lines.add("direction: short");
        }
        entries.forEach(e -> lines.add("entry: " + e));
        filters.stream().filter(f -> !entries.contains(f)).forEach(f -> lines.add("entry: " + f));
        if (entryLevel != null) {
            lines.add(entryLevel);
        }
        exits.forEach(e -> lines.add("exit: " + e));
        if (exitLevel != null) {
            lines.add(exitLevel);
        }
        lines.addAll(risk.values());
        return String.join("\n", lines) + "\n";
    }

    /** The strategy's name: what gets it in, e.g. {@code SMA(50) crosses above SMA(200)}. */
    String name() {
        String name = !entries.isEmpty() ? entries.getFirst()
                : entryLevel != null ? "breakout, " + entryLevel : "no entry";
        name = ("short".equals(direction) ? "short: " : "") + name.replace('#', ' ');
        return name.length() <= 80 ? name : name.substring(0, 79) + "…";
    }

    /** For notes: what the group said, e.g. "exit RSI(14) > 70 (at 1:02)". */
    String describe() {
        List<String> said = new ArrayList<>();
        exits.forEach(e -> said.add("exit " + e));
        filters.forEach(f -> said.add("filter " + f));
        risk.values().forEach(said::add);
        if (exitLevel != null) {
            said.add(exitLevel);
        }
        return said.isEmpty() ? "a direction only" : String.join(", ", said);
    }

    /** What the lesson left unstated, by its path in {@code definition} (the strategy this draft's text reads as). */
    List<Candidate.Assumed> assumed(StrategyDefinition definition) {
        return AssumedFields.place(definition, assumed);
    }

    Set<OpenParameters.Open> open() {
        return open;
    }

    /** The default stop's distance, when this draft had to assume one: tried from 1 to 3 ATR. */
    List<Candidate.Tuning> stopTuning() {
        return defaultStop ? List.of(new Candidate.Tuning(List.of("risk.stop_loss.atr_multiple"), 1, 3, 0.5,
                "the stop was not taught: its distance is tried from 1 to 3 ATR(14)")) : List.of();
    }

    /**
     * One item per quote (sentence or slide) in the order said, with every concept of the strategy it states; a risk
     * rule or direction the teacher corrected later is not evidence for the strategy.
     */
    List<Candidate.Evidence> evidence() {
        Map<List<Object>, List<LessonConcept>> byQuote = new LinkedHashMap<>();
        used.stream().filter(this::supports)
                .sorted(Comparator.comparingDouble((LessonConcept c) -> c.concept().start()))
                .forEach(c -> byQuote.computeIfAbsent(Arrays.asList(c.mediaId(), c.concept().quote(),
                        c.concept().source()), k -> new ArrayList<>()).add(c));
        return byQuote.values().stream().map(Candidate.Evidence::of).toList();
    }

    private boolean supports(LessonConcept c) {
        return switch (c.kind()) {
            case "risk_rule" -> c.concept().textForm().equals(risk.get(riskKey(c.concept().name())));
            case "direction" -> c.concept().name().equals(direction);
            default -> true;
        };
    }
}
