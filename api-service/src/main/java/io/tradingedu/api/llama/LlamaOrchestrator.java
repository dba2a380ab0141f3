package io.tradingedu.api.llama;

import io.tradingedu.api.upstream.Upstream;
import io.tradingedu.support.security.ServiceCredential;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * orchestrator-service's LLM endpoints: {@code POST /llama/summaries} (a grounded summary, or why there is none)
 * and {@code POST /strategies/generate} (a validated strategy from a keyword or a text; rules when no LLM is
 * configured). Both may wait on a local model, hence their own, longer timeouts: {@code llama.llm-timeout} for a
 * summary, {@code llama.generate-timeout} for a generation (which may ask the model more than once).
 */
@Component
class LlamaOrchestrator {

    private final Upstream summaries;
    private final Upstream generation;

    LlamaOrchestrator(@Value("${orchestrator.url:http://localhost:8002}") URI url, LlamaProperties properties,
                      RestClient.Builder restClients, ServiceCredential credential) {
        this.summaries = new Upstream(restClients, "orchestrator-service", url, properties.connectTimeout(),
                properties.llmTimeout(), credential);
        this.generation = new Upstream(restClients, "orchestrator-service", url, properties.connectTimeout(),
                properties.generateTimeout(), credential);
    }

    record SummaryPassage(String text, UUID mediaId, double startSeconds, double endSeconds) {
    }

    record SummaryRequest(String keyword, List<SummaryPassage> passages) {
    }

    /** @param method {@code llm} with a summary, {@code none} with the reason in notes */
    record SummaryAnswer(String method, String summary, String model, List<Integer> cited, List<String> notes) {

        SummaryAnswer {
            cited = cited == null ? List.of() : cited;
            notes = notes == null ? List.of() : notes;
        }
    }

    SummaryAnswer summarise(SummaryRequest request) {
        return summaries.call("the summary", http -> http.post().uri("/llama/summaries")
                .contentType(MediaType.APPLICATION_JSON).body(request).retrieve().body(SummaryAnswer.class));
    }

    /** The body of {@code POST /strategies/generate}; absent values are left to its defaults. */
    record GenerateRequest(String keyword, String text, Integer topK, Double temperature) {
    }

    /** Its answer as it came: strategy JSON, text, source, assumed, evidence, notes. */
    JsonNode generate(GenerateRequest request) {
        JsonNode answer = generation.call("the strategy generation", http -> http.post()
                .uri("/strategies/generate").contentType(MediaType.APPLICATION_JSON).body(request).retrieve()
                .body(JsonNode.class));
        if (!answer.isObject() || !answer.path("strategy").isObject()) {
            throw generation.failed("orchestrator-service answered the strategy generation without a strategy");
        }
        return answer;
    }
}
