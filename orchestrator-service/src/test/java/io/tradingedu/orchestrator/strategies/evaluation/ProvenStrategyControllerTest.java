package io.tradingedu.orchestrator.strategies.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.support.web.ServiceProblemAdvice;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The status endpoint's 400s name the field like every other 400 (no database: they are refused before it). */
class ProvenStrategyControllerTest {

    private final MockMvcTester mvc = MockMvcTester.of(List.of(new ProvenStrategyController(
            new ProvenStrategyLifecycle(null, Clock.systemUTC()))), builder -> builder.setControllerAdvice(
            new ProvenStrategyController.Problems404And409(), new ServiceWide()).build());

    /** The service-wide advice, as the orchestrator's own extends it. */
    @RestControllerAdvice
    static class ServiceWide extends ServiceProblemAdvice {
    }

    @Test
    void aStatusNoOneMaySetIsA400NamingTheField() {
        assertBadStatus(post("{\"status\": 5}"), "must be active or retired; got '5'");
        assertBadStatus(post("{\"status\": \"promoted\"}"), "must be active or retired; got 'promoted'");
    }

    @Test
    void aMissingStatusIsA400NamingTheField() {
        assertBadStatus(post("{}"), "is required: active or retired");
        assertBadStatus(mvc.post().uri("/proven_strategies/3f0c3c1e-0000-4000-8000-000000000001/status").exchange(),
                "is required: active or retired");
    }

    private MvcTestResult post(String body) {
        return mvc.post().uri("/proven_strategies/3f0c3c1e-0000-4000-8000-000000000001/status")
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private static void assertBadStatus(MvcTestResult result, String reason) {
        assertThat(result).hasStatus(400).bodyJson().extractingPath("$.field").isEqualTo("status");
        assertThat(result).bodyJson().extractingPath("$.reason").isEqualTo(reason);
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("status " + reason);
        assertThat(result).bodyJson().extractingPath("$.type")
                .isEqualTo("https://tradingedu.io/problems/bad-parameter");
    }
}
