package io.tradingedu.orchestrator.strategies.generation;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A generated strategy: its language JSON and compact text, who wrote it ({@code llm} or {@code rules}), what was
 * assumed, the evidence (concept ids, quotes, times and clip ids when it came from the library) and notes.
 */
record GenerateResponse(JsonNode strategy, String text, String source, List<Candidate.Assumed> assumed,
                        List<Candidate.Evidence> evidence, List<Candidate.Tuning> tuning, List<String> notes) {
}
