package io.tradingedu.orchestrator.llm;

/**
 * A large language model to talk to (Ollama through langchain4j when {@code OLLAMA_URL} is set). Every caller has a
 * deterministic fallback, so an absent, slow or confused model never fails a stage or a request.
 */
public interface LlmChat {

    /** Whether a model is configured at all; when false, {@link #chat} always throws. */
    boolean available();

    /** The configured model's name, recorded with what it wrote. */
    String model();

    /**
     * One exchange: a system message and a user message, the model's reply text.
     *
     * @throws LlmUnavailableException when no model is configured, it cannot be reached, it times out or answers
     *                                 nothing; the message says which, for the caller's notes
     */
    String chat(String system, String user, LlmOptions options) throws LlmUnavailableException;
}
