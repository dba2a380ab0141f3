package io.tradingedu.orchestrator.strategies.generation;

import io.tradingedu.orchestrator.llm.LlmChat;
import io.tradingedu.orchestrator.llm.LlmProperties;
import io.tradingedu.orchestrator.llm.LlmUnavailableException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Chooses how strategies are written: by the language model when one is configured and it proposes at least one
 * valid strategy, otherwise by rule synthesis, with a note saying why the model's answer was not used.
 */
@Component
class StrategyGenerator {

    private final LlmChat chat;
    private final LlmProperties properties;

    StrategyGenerator(LlmChat chat, LlmProperties properties) {
        this.chat = chat;
        this.properties = properties;
    }

    Synthesis generate(List<LessonConcept> said, List<String> excerpts, double temperature) {
        // "the RSI" after "the 14-day RSI" is RSI(14) for the model as for the rules
        List<LessonConcept> concepts = StatedParameters.resolve(said);
        List<String> notes = new ArrayList<>();
        if (chat.available() && concepts.stream().anyMatch(c -> !c.kind().equals("instrument"))) {
            try {
                Synthesis llm = new LlmSynthesis(chat, properties.maxRepairRounds(), properties.readTimeout(),
                        properties.totalTimeout())
                        .propose(concepts, excerpts, temperature);
                if (!llm.candidates().isEmpty()) {
                    return llm;
                }
                notes.addAll(llm.notes());
                notes.add("the model " + chat.model() + " proposed no valid strategy; rule synthesis used");
            } catch (LlmUnavailableException e) {
                notes.add(e.getMessage() + "; rule synthesis used");
            }
        }
        Synthesis rules = RuleSynthesis.synthesise(concepts);
        notes.addAll(rules.notes());
        return new Synthesis(rules.source(), rules.candidates(), notes);
    }

    double defaultTemperature() {
        return properties.temperature();
    }
}
