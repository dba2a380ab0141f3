package io.tradingedu.orchestrator.llm;

/**
 * How to ask for one reply.
 *
 * @param temperature sampling temperature, 0 for the most deterministic answer
 * @param json        ask the model for a JSON reply (Ollama's {@code format: json})
 */
public record LlmOptions(double temperature, boolean json) {
}
