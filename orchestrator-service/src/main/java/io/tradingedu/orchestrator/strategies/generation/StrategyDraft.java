package io.tradingedu.orchestrator.strategies.generation;

import io.tradingedu.orchestrator.concepts.Concept;
import io.tradingedu.shared.strategy.IndicatorKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 */
final class StrategyDraft {

    static final String DEFAULT_STOP = "stop_loss: 2 ATR(14)";
    static final String DEFAULT_TARGET = "take_profit: 2R";

    private final List<String> entries = new ArrayList<>();
    private final List<String> filters = new ArrayList<>();
    private final List<String> loose = new ArrayList<>();
    private final List<String> exits = new ArrayList<>();
    private final Map<String, String> risk = new LinkedHashMap<>();
    private final List<LessonConcept> used = new ArrayList<>();
    private final List<LessonConcept> looseConcepts = new ArrayList<>();
    private final List<Candidate.Assumed> assumed = new ArrayList<>();
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
                if (!target.contains(concept.textForm())) {
                    target.add(concept.textForm());
                    (role == null ? looseConcepts : used).add(c);
                    noteAssumed(c);
                }
            }
            case "level" -> {
                if (concept.name().equals("entry_stop") && entryLevel == null) {
                    entryLevel = concept.textForm();
                    used.add(c);
                } else if (concept.name().equals("exit_stop") && exitLevel == null) {
                    exitLevel = concept.textForm();
                    used.add(c);
                }
            }
            case "risk_rule" -> {
                String key = switch (concept.name()) {
                    case "risk_reward" -> "take_profit";
                    case "max_holding" -> "max_bars";
                    case "position_risk" -> "size";
                    default -> concept.name();
                };
                // the last said wins: teachers correct themselves ("a 2% stop, no, make it 3%")
                risk.put(key, concept.textForm());
                used.add(c);
            }
            case "direction" -> {
                direction = concept.name();
                used.add(c);
            }
            default -> {
            }
        }
    }

    private void complete() {
        if (entries.isEmpty() && entryLevel == null && !loose.isEmpty()) {
            entries.addAll(loose);
            used.addAll(looseConcepts);
        }
        if (entryMissing()) {
            return;
        }
        if (direction == null) {
            assumed.add(new Candidate.Assumed("direction", "long", "the lesson did not say long or short; a lesson "
                    + "that says buy means long"));
        }
        boolean wayOut = !exits.isEmpty() || exitLevel != null || risk.containsKey("stop_loss")
                || risk.containsKey("take_profit") || risk.containsKey("trailing_stop") || risk.containsKey("max_bars");
        boolean needsStop = !risk.containsKey("stop_loss") && (risk.getOrDefault("take_profit", "").endsWith("R")
                || risk.getOrDefault("size", "").contains("risk"));
        if (!wayOut || needsStop) {
            risk.put("stop_loss", DEFAULT_STOP);
            assumed.add(new Candidate.Assumed("stop_loss", "2 ATR(14)", wayOut
                    ? "a target in R or risk-based sizing is measured from a stop the lesson did not state"
                    : "the lesson teaches no way out of a trade; a volatility stop is the neutral default"));
            defaultStop = true;
        } else if (!risk.containsKey("stop_loss")) {
            assumed.add(new Candidate.Assumed("stop_loss", "none", "the lesson's exit closes every position; a stop "
                    + "it did not teach would test another strategy"));
        }
        if (!wayOut) {
            risk.put("take_profit", DEFAULT_TARGET);
            assumed.add(new Candidate.Assumed("take_profit", "2R", "the lesson teaches no exit; a target of twice "
                    + "the risk pairs with the default stop"));
        }
        if (risk.getOrDefault("stop_loss", "").matches(".*ATR\\s*$")) {
            assumed.add(new Candidate.Assumed("stop_loss.atr_period", "14", "the ATR's period was not stated: the "
                    + "catalogue default"));
        }
        if (!risk.containsKey("size") && risk.containsKey("pyramiding")) {
            // n units of the whole account would need leverage: each unit takes an n-th of it
            int units = Integer.parseInt(risk.get("pyramiding").replaceAll("\\D", ""));
            String share = BigDecimal.valueOf(100.0 / units).setScale(2, RoundingMode.DOWN).stripTrailingZeros()
                    .toPlainString();
            risk.put("size", "size: " + share + "%");
            assumed.add(new Candidate.Assumed("sizing", share + "% of equity per unit", "the lesson adds up to "
                    + units + " units without sizing them: each takes an equal share of the account (no leverage)"));
        } else if (!risk.containsKey("size")) {
            assumed.add(new Candidate.Assumed("sizing", "100% of equity", "the lesson did not size positions: the "
                    + "language's default, every position takes the account (no leverage)"));
        }
    }

    /** Parameters, thresholds or operands the concept says it assumed, listed and (parameters) left open. */
    private void noteAssumed(LessonConcept c) {
        if (!(c.concept().details().get("assumed") instanceof List<?> names) || names.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        for (Object name : names) {
            parts.add(switch (String.valueOf(name)) {
                case "threshold" -> "the threshold (the conventional oversold/overbought level)";
                case "operands" -> "the averages (the standard 50- and 200-day)";
                default -> "the " + name + " (the catalogue default)";
            });
        }
        assumed.add(new Candidate.Assumed(c.concept().textForm(), String.join(", ", names.stream()
                .map(String::valueOf).toList()), "not stated in the lesson: " + String.join("; ", parts)));
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

    List<Candidate.Assumed> assumed() {
        return assumed;
    }

    Set<OpenParameters.Open> open() {
        return open;
    }

    /** The default stop's distance, when this draft had to assume one: tried from 1 to 3 ATR. */
    List<Candidate.Tuning> stopTuning() {
        return defaultStop ? List.of(new Candidate.Tuning(List.of("risk.stop_loss.atr_multiple"), 1, 3, 0.5,
                "the stop was not taught: its distance is tried from 1 to 3 ATR(14)")) : List.of();
    }

    List<Candidate.Evidence> evidence() {
        return used.stream().map(c -> new Candidate.Evidence(c.id(), c.mediaId(), c.kind(), c.concept().textForm(),
                c.concept().quote(), c.id() == null ? null : c.concept().start(),
                c.id() == null ? null : c.concept().end(), List.of())).toList();
    }
}
