package io.tradingedu.orchestrator.strategies.generation;

import io.tradingedu.orchestrator.llm.LlmChat;
import io.tradingedu.orchestrator.llm.LlmOptions;
import io.tradingedu.orchestrator.llm.LlmUnavailableException;
import io.tradingedu.shared.strategy.StrategyFormatter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/**
 * Strategies written by a language model from the lesson's concepts and excerpts. Every proposed strategy must pass
 * {@link StrategyChecks} and cite at least one concept of the lesson; the problems of a reply (path-precise) are
 * sent back for at most {@code maxRepairRounds} repairs. The round with the most valid strategies wins; strategies
 * still invalid then are dropped with their problems in the notes.
 */
final class LlmSynthesis {

    static final String SOURCE = "llm";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_STRATEGIES = 5;
    private static final int MAX_ASSUMED = 20;
    private static final int MAX_TEXT = 300;

    private final LlmChat chat;
    private final int maxRepairRounds;
    private final Duration readTimeout;
    private final Duration totalTimeout;

    /**
     * @param readTimeout  the longest one reply may take
     * @param totalTimeout no repair round starts that could end after this much time since the first request
     */
    LlmSynthesis(LlmChat chat, int maxRepairRounds, Duration readTimeout, Duration totalTimeout) {
        this.chat = chat;
        this.maxRepairRounds = maxRepairRounds;
        this.readTimeout = readTimeout;
        this.totalTimeout = totalTimeout;
    }

    /** One reply read: the valid strategies and the problems of the rest. */
    private record Reading(List<Candidate> candidates, List<String> problems, String declined) {
    }

    /** @throws LlmUnavailableException when the model cannot be reached, is too slow or says nothing */
    Synthesis propose(List<LessonConcept> concepts, List<String> excerpts, double temperature)
            throws LlmUnavailableException {
        List<LessonConcept> shown = concepts.subList(0, Math.min(concepts.size(), LlmPrompts.MAX_CONCEPTS));
        String system = LlmPrompts.system();
        String user = LlmPrompts.user(shown, excerpts);
        LlmOptions options = new LlmOptions(temperature, true);
        long started = System.nanoTime();
        String reply = chat.chat(system, user, options);
        Reading best = read(reply, shown);
        Reading last = best;
        int rounds = 0;
        boolean outOfTime = false;
        while (!last.problems().isEmpty() && rounds < maxRepairRounds) {
            Duration spent = Duration.ofNanos(System.nanoTime() - started);
            if (spent.plus(readTimeout).compareTo(totalTimeout) > 0) {
                outOfTime = true;
                break;
            }
            rounds++;
            reply = chat.chat(system, user + "\n\n" + LlmPrompts.repair(reply, last.problems()), options);
            last = read(reply, shown);
            if (last.candidates().size() >= best.candidates().size()) {
                best = last;
            }
        }
        List<String> notes = new ArrayList<>();
        if (outOfTime) {
            notes.add("no further repair round: it could end after llm.total-timeout (" + totalTimeout.toSeconds()
                    + " s)");
        }
        if (rounds > 0) {
            notes.add("the model " + chat.model() + " was asked to repair its answer " + rounds + " time"
                    + (rounds == 1 ? "" : "s"));
        }
        if (!best.problems().isEmpty()) {
            notes.add("the model's strategies that never passed the checks were dropped: "
                    + String.join("; ", best.problems().stream().limit(5).toList()));
        }
        if (best.candidates().isEmpty() && best.declined() != null) {
            notes.add("the model found nothing tradable: " + best.declined());
        }
        return new Synthesis(SOURCE, best.candidates(), notes);
    }

    private Reading read(String reply, List<LessonConcept> concepts) {
        JsonNode root;
        try {
            root = JSON.readTree(reply);
        } catch (JacksonException e) {
            return new Reading(List.of(), List.of("the answer is not a JSON object: " + e.getOriginalMessage()), null);
        }
        JsonNode strategies = root == null ? null : root.get("strategies");
        if (strategies == null || !strategies.isArray()) {
            return new Reading(List.of(), List.of("strategies: required, an array of {definition, assumed, "
                    + "concepts}"), null);
        }
        if (strategies.isEmpty()) {
            JsonNode reason = root.get("reason");
            return new Reading(List.of(), List.of(), reason == null ? "no reason given" : clip(reason.asString()));
        }
        List<Candidate> candidates = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < Math.min(strategies.size(), MAX_STRATEGIES); i++) {
            String at = "strategies[" + i + "]";
            JsonNode proposal = strategies.get(i);
            StrategyChecks.Checked checked = StrategyChecks.check(proposal.get("definition"));
            List<LessonConcept> cited = cited(proposal.get("concepts"), concepts);
            if (!checked.valid()) {
                checked.errors().forEach(e -> problems.add(at + ".definition." + e));
            }
            if (cited.isEmpty()) {
                problems.add(at + ".concepts: must cite at least one concept number of the lesson (1.."
                        + concepts.size() + ")");
            }
            if (checked.valid() && !cited.isEmpty()) {
                candidates.add(candidate(checked, cited, proposal.get("assumed")));
            }
        }
        return new Reading(candidates, problems, null);
    }

    private static Candidate candidate(StrategyChecks.Checked checked, List<LessonConcept> cited, JsonNode assumed) {
        var definition = checked.strategy();
        StrategyDraft draft = StrategyDraft.of(cited);
        List<Candidate.Assumed> fields = new ArrayList<>();
        if (assumed != null && assumed.isArray()) {
            for (int i = 0; i < Math.min(assumed.size(), MAX_ASSUMED); i++) {
                JsonNode a = assumed.get(i);
                fields.add(new Candidate.Assumed(clip(text(a, "field")), value(a), clip(text(a, "reason"))));
            }
        }
        String name = definition.name() != null ? clip(definition.name()) : draft.name();
        return new Candidate(name, SOURCE, definition, StrategyFormatter.format(definition), fields,
                draft.evidence(), OpenParameters.of(definition, draft.open()));
    }

    private static List<LessonConcept> cited(JsonNode numbers, List<LessonConcept> concepts) {
        List<LessonConcept> cited = new ArrayList<>();
        if (numbers != null && numbers.isArray()) {
            for (JsonNode n : numbers) {
                int i = n.isNumber() ? n.asInt() : -1;
                if (i >= 1 && i <= concepts.size() && !cited.contains(concepts.get(i - 1))) {
                    cited.add(concepts.get(i - 1));
                }
            }
        }
        return cited;
    }

    /** The model's value as it wrote it (a number stays a number), text clipped; null when absent. */
    private static JsonNode value(JsonNode assumed) {
        JsonNode value = assumed == null ? null : assumed.get("value");
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return value.isString() ? StringNode.valueOf(clip(value.asString()))
                : value.toString().length() <= MAX_TEXT ? value : StringNode.valueOf(clip(value.toString()));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? "" : value.isString() ? value.asString() : value.toString();
    }

    private static String clip(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
