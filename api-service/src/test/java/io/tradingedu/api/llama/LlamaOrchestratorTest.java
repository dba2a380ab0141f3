package io.tradingedu.api.llama;

import io.tradingedu.api.upstream.UpstreamException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingedu.support.security.ServiceCredential;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * How long api-service waits for orchestrator-service: a generation, which may ask the LLM more than once before
 * it falls back to rules, has its own (longer) wait than a summary.
 */
class LlamaOrchestratorTest {

    static final ServiceStub ORCHESTRATOR = new ServiceStub();

    @AfterAll
    static void stop() {
        ORCHESTRATOR.stop();
    }

    @Test
    void generationWaitsForItsOwnLongerTimeoutWhereASummaryGivesUp() {
        ORCHESTRATOR.reset();
        ORCHESTRATOR.json("/strategies/generate", 200,
                LlamaApiIT.GENERATED.replace("%s", UUID.randomUUID().toString()));
        ORCHESTRATOR.json("/llama/summaries", 200, "{\"method\":\"none\",\"notes\":[\"no LLM is configured\"]}");
        // slower than the summary's wait, far quicker than the generation's
        ORCHESTRATOR.delay(Duration.ofSeconds(3));
        LlamaOrchestrator orchestrator = new LlamaOrchestrator(URI.create(ORCHESTRATOR.url()), new LlamaProperties(
                null, null, null, null, Duration.ofSeconds(1), Duration.ofSeconds(120), null, null, null, null),
                org.springframework.web.client.RestClient.builder(),
                ServiceCredential.of("unit-test-service-token-0123456789"));

        JsonNode generated = orchestrator.generate(new LlamaOrchestrator.GenerateRequest("golden cross", null, 3,
                null));
        assertThat(generated.path("source").asString()).isEqualTo("rules");
        assertThat(ORCHESTRATOR.requests("/strategies/generate").getFirst().authorization())
                .isEqualTo("Bearer unit-test-service-token-0123456789");

        assertThatThrownBy(() -> orchestrator.summarise(new LlamaOrchestrator.SummaryRequest("RSI", List.of())))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("orchestrator-service cannot be reached: no answer within 1 s"));
    }

    @Test
    void theGenerationWaitDefaultsTo400Seconds() {
        LlamaProperties defaults = GenerateStrategyRequestTest.DEFAULTS;
        assertThat(defaults.generateTimeout()).isEqualTo(Duration.ofSeconds(400));
        assertThat(defaults.llmTimeout()).isEqualTo(Duration.ofSeconds(120));
    }
}
