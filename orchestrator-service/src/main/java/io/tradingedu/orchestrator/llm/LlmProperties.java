package io.tradingedu.orchestrator.llm;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The language model, bound under {@code llm}. With no {@code url} there is no model and every caller uses its
 * deterministic fallback.
 *
 * @param url               Ollama's base URL, e.g. {@code http://localhost:11434}; empty = no model
 * @param model             the Ollama model name
 * @param temperature       the default sampling temperature (a request may ask for another)
 * @param connectTimeout    how long to wait for a connection
 * @param readTimeout       how long one reply may take; a slower model counts as unavailable for that request
 * @param maxRepairRounds   how often an invalid strategy is sent back with the validator's errors before giving up
 * @param totalTimeout      the time one generation may spend with the model: no repair round starts that could end
 *                          after it (api-service's LLAMA_GENERATE_TIMEOUT must stay above it)
 */
@ConfigurationProperties("llm")
public record LlmProperties(
        @DefaultValue("") String url,
        @DefaultValue("llama3.1:8b") String model,
        @DefaultValue("0.2") double temperature,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("120s") Duration readTimeout,
        @DefaultValue("2") int maxRepairRounds,
        @DefaultValue("300s") Duration totalTimeout) {

    @ConstructorBinding
    public LlmProperties {
        url = url == null ? "" : url.strip();
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("llm.temperature must be between 0 and 2, was " + temperature);
        }
        if (maxRepairRounds < 0 || maxRepairRounds > 5) {
            throw new IllegalArgumentException("llm.max-repair-rounds must be between 0 and 5, was " + maxRepairRounds);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("llm timeouts must be positive");
        }
        totalTimeout = totalTimeout == null ? readTimeout.multipliedBy(1 + maxRepairRounds) : totalTimeout;
        if (totalTimeout.compareTo(readTimeout) < 0) {
            throw new IllegalArgumentException("llm.total-timeout must be at least llm.read-timeout");
        }
    }

    /** Without an overall budget: one reply and every repair round may each take the read timeout. */
    public LlmProperties(String url, String model, double temperature, Duration connectTimeout, Duration readTimeout,
                         int maxRepairRounds) {
        this(url, model, temperature, connectTimeout, readTimeout, maxRepairRounds, null);
    }

    /** Whether a model is configured. */
    public boolean configured() {
        return !url.isEmpty();
    }
}
