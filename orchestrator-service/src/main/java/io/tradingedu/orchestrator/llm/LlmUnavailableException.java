package io.tradingedu.orchestrator.llm;

/** The model could not answer: not configured, unreachable, too slow or empty. The message says which. */
public class LlmUnavailableException extends Exception {

    public LlmUnavailableException(String message) {
        super(message);
    }

    public LlmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
