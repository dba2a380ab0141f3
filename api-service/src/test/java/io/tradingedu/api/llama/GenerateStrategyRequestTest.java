package io.tradingedu.api.llama;

import io.tradingedu.api.upstream.Upstream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingedu.api.support.BadParameterException;
import org.junit.jupiter.api.Test;

/**
 * The generate-strategy body as the client sends it (snake_case JSON) and the checks made before any service is
 * asked: the bounds are orchestrator-service's, so nothing it would refuse is passed on.
 */
class GenerateStrategyRequestTest {

    static final LlamaProperties DEFAULTS = new LlamaProperties(null, null, null, null, null, null, null, null,
            null, null);

    private static GenerateStrategyRequest checked(String json) {
        return Upstream.JSON.readValue(json, GenerateStrategyRequest.class).checked(DEFAULTS);
    }

    private static void assertBad(String json, String field, String reason) {
        assertThatThrownBy(() -> checked(json)).as(json).isInstanceOfSatisfying(BadParameterException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.reason()).contains(reason);
        });
    }

    @Test
    void theKeywordIsLimitedTo100CharactersLikeTheOrchestrators() {
        assertThat(checked("{\"keyword\":\"  " + "k".repeat(100) + "  \"}").keyword()).hasSize(100);
        assertBad("{\"keyword\":\"" + "k".repeat(101) + "\"}", "keyword", "must be 1 to 100 characters; got 101");
        assertBad("{\"keyword\":\"" + "k".repeat(200) + "\"}", "keyword", "got 200");
        assertBad("{\"keyword\":\"RSI\\u0000\"}", "keyword", "control characters");
        assertBad("{\"keyword\":\"   \"}", "keyword", "or text is needed");
    }

    @Test
    void topKMustBeAWholeNumberInRange() {
        assertBad("{\"keyword\":\"RSI\",\"top_k\":2.5}", "top_k", "must be a whole number; got 2.5");
        assertBad("{\"keyword\":\"RSI\",\"top_k\":0.5}", "top_k", "between 1 and 20; got 0.5");
        assertBad("{\"keyword\":\"RSI\",\"top_k\":21}", "top_k", "between 1 and 20; got 21");
        assertBad("{\"keyword\":\"RSI\",\"top_k\":1e30}", "top_k", "between 1 and 20");
        assertThat(checked("{\"keyword\":\"RSI\",\"top_k\":3}").topK()).isEqualTo(3.0);
        assertThat(checked("{\"keyword\":\"RSI\",\"top_k\":20.0}").topK()).isEqualTo(20.0);
        assertThat(checked("{\"keyword\":\"RSI\"}").topK()).isEqualTo(5.0);
    }
}
