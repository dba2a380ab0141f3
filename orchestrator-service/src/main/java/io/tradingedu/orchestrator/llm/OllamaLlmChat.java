package io.tradingedu.orchestrator.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.HttpClientBuilderLoader;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaChatModel;
import org.springframework.stereotype.Component;

/**
 * {@link LlmChat} through langchain4j-ollama ({@code POST /api/chat}, not streamed). No retries inside: a caller
 * that gets no answer in {@code read-timeout} falls back to its deterministic path at once rather than waiting for
 * a second and third slow attempt.
 */
@Component
public class OllamaLlmChat implements LlmChat {

    private final LlmProperties properties;
    private final ChatModel model;

    public OllamaLlmChat(LlmProperties properties) {
        this.properties = properties;
        this.model = properties.configured() ? OllamaChatModel.builder()
                .baseUrl(properties.url())
                .modelName(properties.model())
                .temperature(properties.temperature())
                .timeout(properties.readTimeout())
                .maxRetries(0)
                .httpClientBuilder(HttpClientBuilderLoader.loadHttpClientBuilder()
                        .connectTimeout(properties.connectTimeout())
                        .readTimeout(properties.readTimeout()))
                .build() : null;
    }

    @Override
    public boolean available() {
        return model != null;
    }

    @Override
    public String model() {
        return properties.model();
    }

    @Override
    public String chat(String system, String user, LlmOptions options) throws LlmUnavailableException {
        if (model == null) {
            throw new LlmUnavailableException("no language model configured (OLLAMA_URL is not set)");
        }
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(system), UserMessage.from(user))
                .parameters(ChatRequestParameters.builder()
                        .temperature(options.temperature())
                        .responseFormat(options.json() ? ResponseFormat.JSON : ResponseFormat.TEXT)
                        .build())
                .build();
        ChatResponse response;
        try {
            response = model.chat(request);
        } catch (RuntimeException e) {
            throw new LlmUnavailableException("the model " + properties.model() + " at " + properties.url()
                    + " did not answer: " + reason(e), e);
        }
        String text = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            throw new LlmUnavailableException("the model " + properties.model() + " answered nothing");
        }
        return text;
    }

    /** The innermost message: langchain4j wraps timeouts and refused connections several times. */
    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        String name = cause.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message;
    }
}
