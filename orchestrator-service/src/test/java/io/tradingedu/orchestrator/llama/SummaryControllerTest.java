package io.tradingedu.orchestrator.llama;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.orchestrator.llm.LlmChat;
import io.tradingedu.orchestrator.llm.LlmOptions;
import io.tradingedu.orchestrator.llm.LlmUnavailableException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * {@code POST /llama/summaries} with a scripted model (or none): what the model is asked, what of its reply is kept,
 * and that every way of having no model is an answer with the reason, never an error.
 */
class SummaryControllerTest {

    static final String TWO_PASSAGES = """
            {"keyword":"RSI","temperature":0.1,"passages":[
              {"text":"If the 2-period RSI closes under 5, buy at the close.","media_id":"3f0c3c1e-0000-4000-8000-000000000001","start_seconds":62.0,"end_seconds":71.5},
              {"text":"Exit when price closes above the 5-day moving average.","media_id":"3f0c3c1e-0000-4000-8000-000000000001","start_seconds":71.5,"end_seconds":80.0}]}""";

    /** A model that answers what the test scripted and remembers what it was asked. */
    static final class ScriptedLlm implements LlmChat {
        final List<String> prompts = new CopyOnWriteArrayList<>();
        final List<LlmOptions> options = new CopyOnWriteArrayList<>();
        final boolean available;
        final String reply;
        final LlmUnavailableException failure;

        ScriptedLlm(boolean available, String reply, LlmUnavailableException failure) {
            this.available = available;
            this.reply = reply;
            this.failure = failure;
        }

        @Override
        public boolean available() {
            return available;
        }

        @Override
        public String model() {
            return "llama3.1:8b";
        }

        @Override
        public String chat(String system, String user, LlmOptions options) throws LlmUnavailableException {
            prompts.add(user);
            this.options.add(options);
            if (failure != null) {
                throw failure;
            }
            return reply;
        }
    }

    private static MockMvcTester mvc(LlmChat llm) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (llm != null) {
            beans.addBean("llm", llm);
        }
        return MockMvcTester.of(List.of(new SummaryController(new GroundedSummarizer(
                beans.getBeanProvider(LlmChat.class)))), builder -> builder
                .setControllerAdvice(new LlamaProblemAdvice()).build());
    }

    private static MvcTestResult post(MockMvcTester mvc, String body) {
        return mvc.post().uri("/llama/summaries").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    @Test
    void theModelIsGivenTheNumberedPassagesAndItsGroundedReplyComesBackWithItsCitations() {
        ScriptedLlm llm = new ScriptedLlm(true, "Buy when the 2-period RSI closes under 5 [1]. Sell above the "
                + "5-day average [2]. Also use a 2% stop [5].", null);

        MvcTestResult result = post(mvc(llm), TWO_PASSAGES);

        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.method").isEqualTo("llm");
        assertThat(result).bodyJson().extractingPath("$.summary")
                .isEqualTo("Buy when the 2-period RSI closes under 5 [1]. Sell above the 5-day average [2].");
        assertThat(result).bodyJson().extractingPath("$.cited").asArray().containsExactly(1, 2);
        assertThat(result).bodyJson().extractingPath("$.model").isEqualTo("llama3.1:8b");
        assertThat(result).bodyJson().extractingPath("$.notes").asArray().containsExactly(
                "1 sentence(s) of the LLM's reply cited no passage and were dropped",
                "1 citation(s) of passages that were not given were removed");
        assertThat(llm.prompts).singleElement().satisfies(prompt -> assertThat(prompt)
                .startsWith("Topic: RSI")
                .contains("[1] If the 2-period RSI closes under 5, buy at the close.")
                .contains("[2] Exit when price closes above the 5-day moving average."));
        assertThat(llm.options).singleElement().satisfies(o -> assertThat(o.temperature()).isEqualTo(0.1));
    }

    @Test
    void aReplyCitingNothingValidIsDroppedWithTheReason() {
        MvcTestResult result = post(mvc(new ScriptedLlm(true, "RSI is popular [3]. Many use it.", null)),
                TWO_PASSAGES);

        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.method").isEqualTo("none");
        assertThat(result).bodyJson().extractingPath("$.summary").isNull();
        assertThat(result).bodyJson().extractingPath("$.notes").asArray()
                .containsExactly("the LLM's reply cited none of the 2 passages in a sentence that shares a word "
                        + "with it, so it was dropped");
    }

    @Test
    void aCitationOfAPassageThatSaysSomethingElseIsRemovedWithANote() {
        MvcTestResult result = post(mvc(new ScriptedLlm(true, "Guaranteed profits every week with RSI [2]. "
                + "Exit above the moving average [1][2].", null)), TWO_PASSAGES);

        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.summary")
                .isEqualTo("Exit above the moving average [2].");
        assertThat(result).bodyJson().extractingPath("$.cited").asArray().containsExactly(2);
        assertThat(result).bodyJson().extractingPath("$.notes").asArray().containsExactly(
                "1 sentence(s) of the LLM's reply cited no passage and were dropped",
                "2 citation(s) of a passage sharing no word with the sentence were removed");
    }

    @Test
    void withoutAModelOrWhenItFailsTheAnswerSaysWhy() {
        assertThat(post(mvc(null), TWO_PASSAGES)).hasStatusOk().bodyJson().extractingPath("$.notes").asArray()
                .containsExactly("no LLM is configured");
        assertThat(post(mvc(new ScriptedLlm(false, null, null)), TWO_PASSAGES)).bodyJson()
                .extractingPath("$.notes").asArray().containsExactly("no LLM is configured");
        MvcTestResult slow = post(mvc(new ScriptedLlm(true, null,
                new LlmUnavailableException("no answer within 60 s"))), TWO_PASSAGES);
        assertThat(slow).hasStatusOk().bodyJson().extractingPath("$.method").isEqualTo("none");
        assertThat(slow).bodyJson().extractingPath("$.notes").asArray()
                .containsExactly("the LLM gave no answer: no answer within 60 s");
        assertThat(post(mvc(new ScriptedLlm(true, "NOTHING", null)), TWO_PASSAGES)).bodyJson()
                .extractingPath("$.notes").asArray().containsExactly("the LLM found nothing about 'RSI' in the "
                        + "passages");
    }

    @Test
    void requestsOutOfBoundsAre400NamingTheFieldAndNeverReachTheModel() {
        ScriptedLlm llm = new ScriptedLlm(true, "x [1].", null);
        MockMvcTester mvc = mvc(llm);
        String passage = "{\"text\":\"t\"}";
        String tooMany = String.join(",", java.util.Collections.nCopies(SummaryLimits.MAX_PASSAGES + 1, passage));

        assertBadField(mvc, "{\"keyword\":\" \",\"passages\":[" + passage + "]}", "keyword");
        assertBadField(mvc, "{\"keyword\":\"RSI\",\"passages\":[]}", "passages");
        assertBadField(mvc, "{\"keyword\":\"RSI\",\"passages\":[" + tooMany + "]}", "passages");
        assertBadField(mvc, "{\"keyword\":\"RSI\",\"passages\":[{\"text\":\"" + "x".repeat(
                SummaryLimits.MAX_PASSAGE_CHARS + 1) + "\"}]}", "passages[0].text");
        assertBadField(mvc, "{\"keyword\":\"RSI\",\"temperature\":1.5,\"passages\":[" + passage + "]}",
                "temperature");
        assertThat(llm.prompts).isEmpty();
    }

    private static void assertBadField(MockMvcTester mvc, String body, String field) {
        MvcTestResult result = post(mvc, body);
        assertThat(result).as(field).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo(field);
        assertThat(result).bodyJson().extractingPath("$.type")
                .isEqualTo("https://tradingedu.io/problems/bad-parameter");
    }
}
