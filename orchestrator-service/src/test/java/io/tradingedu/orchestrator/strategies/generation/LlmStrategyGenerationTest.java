package io.tradingedu.orchestrator.strategies.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.orchestrator.concepts.ConceptExtractor;
import io.tradingedu.orchestrator.concepts.TextEvidence;
import io.tradingedu.orchestrator.llm.LlmProperties;
import io.tradingedu.orchestrator.llm.OllamaLlmChat;
import io.tradingedu.shared.strategy.StrategyFormatter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Stage 8 through a language model, against a stub that speaks Ollama's chat API. */
class LlmStrategyGenerationTest {

    private static final String LESSON = "Buy when the 50-day moving average crosses above the 200-day and sell when "
            + "it crosses back below";
    private static final String GOLDEN = """
            {"version": 1, "name": "Golden cross", "direction": "long",
             "entry": {"type": "crosses_above", "left": {"indicator": "SMA", "params": {"period": 50}},
                       "right": {"indicator": "SMA", "params": {"period": 200}}},
             "exit": {"type": "crosses_below", "left": {"indicator": "SMA", "params": {"period": 50}},
                      "right": {"indicator": "SMA", "params": {"period": %s}}}}""";
    private static final String VALID = answer(GOLDEN.formatted("200"));
    /** Period 0 is out of range: the validator names entry… no, exit.right.params.period. */
    private static final String INVALID = answer(GOLDEN.formatted("0"));

    private final List<LessonConcept> concepts = new ConceptExtractor()
            .extract(List.of(new TextEvidence(LESSON, 3, 9, 1, "transcript"))).stream()
            .map(c -> new LessonConcept(null, null, c)).toList();

    private static String answer(String definition) {
        return "{\"strategies\": [{\"definition\": " + definition + ", \"assumed\": [{\"field\": \"sizing\", "
                + "\"value\": \"100%\", \"reason\": \"not said\"}], \"concepts\": [2, 3]}]}";
    }

    private static StrategyGenerator generator(String url, Duration readTimeout, int repairs) {
        LlmProperties properties = new LlmProperties(url, "stub-model", 0.2, Duration.ofSeconds(2), readTimeout,
                repairs);
        return new StrategyGenerator(new OllamaLlmChat(properties), properties);
    }

    @Test
    void aValidAnswerBecomesTheCandidateWithTheModelsAssumptionsAndTheCitedEvidence() throws Exception {
        try (StubOllama ollama = new StubOllama(StubOllama.Reply.of(VALID))) {
            Synthesis result = generator(ollama.url(), Duration.ofSeconds(5), 2).generate(concepts, List.of(LESSON), 0.1);

            assertThat(result.source()).isEqualTo("llm");
            assertThat(result.candidates()).singleElement().satisfies(c -> {
                assertThat(c.text()).contains("entry: SMA(50) crosses above SMA(200)",
                        "exit: SMA(50) crosses below SMA(200)");
                assertThat(c.assumed()).extracting(Candidate.Assumed::field).containsExactly("sizing");
                assertThat(c.evidence()).isNotEmpty();
            });
            assertThat(ollama.requests()).hasSize(1);
            var request = JsonMapper.builder().build().readTree(ollama.requests().getFirst());
            assertThat(request.get("model").asString()).isEqualTo("stub-model");
            assertThat(request.get("format").asString()).isEqualTo("json");
            assertThat(request.get("options").get("temperature").asDouble()).isEqualTo(0.1);
            assertThat(request.toString()).contains("SMA(50) crosses above SMA(200)");
        }
    }

    @Test
    void anInvalidAnswerIsRepairedWithTheValidatorsPathPreciseErrors() throws Exception {
        try (StubOllama ollama = new StubOllama(StubOllama.Reply.of(INVALID), StubOllama.Reply.of(VALID))) {
            Synthesis result = generator(ollama.url(), Duration.ofSeconds(5), 2).generate(concepts, List.of(), 0.2);

            assertThat(result.source()).isEqualTo("llm");
            assertThat(result.candidates()).hasSize(1);
            assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("repair its answer 1 time"));
            assertThat(ollama.requests()).hasSize(2);
            assertThat(ollama.requests().get(1)).contains("strategies[0].definition.exit.right.params.period");
        }
    }

    @Test
    void aMalformedAnswerIsSentBackAndTheRepairedOneUsed() throws Exception {
        try (StubOllama ollama = new StubOllama(StubOllama.Reply.of("Sure! Here is your strategy: {entry: golden"),
                StubOllama.Reply.of(VALID))) {
            Synthesis result = generator(ollama.url(), Duration.ofSeconds(5), 1).generate(concepts, List.of(), 0.2);

            assertThat(result.source()).isEqualTo("llm");
            assertThat(ollama.requests().get(1)).contains("not a JSON object");
        }
    }

    @Test
    void anAnswerThatNeverPassesFallsBackToRuleSynthesisAfterTheLastRepair() throws Exception {
        try (StubOllama ollama = new StubOllama(StubOllama.Reply.of(INVALID))) {
            Synthesis result = generator(ollama.url(), Duration.ofSeconds(5), 2).generate(concepts, List.of(), 0.2);

            assertThat(ollama.requests()).hasSize(3);
            assertThat(result.source()).isEqualTo("rules");
            assertThat(StrategyFormatter.format(result.candidates().getFirst().definition()))
                    .contains("exit: SMA(50) crosses below SMA(200)");
            assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("exit.right.params.period"))
                    .anySatisfy(n -> assertThat(n).contains("rule synthesis used"));
        }
    }

    /** With a budget of one reply, no repair round may start: one request, then the rules answer. */
    @Test
    void noRepairRoundStartsThatCouldEndAfterTheTotalBudget() throws Exception {
        try (StubOllama ollama = new StubOllama(StubOllama.Reply.of(INVALID))) {
            LlmProperties properties = new LlmProperties(ollama.url(), "stub-model", 0.2, Duration.ofSeconds(2),
                    Duration.ofSeconds(5), 2, Duration.ofSeconds(5));
            Synthesis result = new StrategyGenerator(new OllamaLlmChat(properties), properties)
                    .generate(concepts, List.of(), 0.2);

            assertThat(ollama.requests()).hasSize(1);
            assertThat(result.source()).isEqualTo("rules");
            assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("llm.total-timeout"));
        }
    }

    @Test
    void aStrategyThatCouldNeverTradeOrCitesNothingIsRejected() throws Exception {
        String never = "{\"strategies\": [{\"definition\": {\"version\": 1, \"entry\": {\"type\": \"above\", "
                + "\"left\": {\"indicator\": \"RSI\"}, \"right\": {\"constant\": 150}}, \"risk\": {\"max_bars\": 5}},"
                + " \"concepts\": [99]}]}";
        try (StubOllama ollama = new StubOllama(StubOllama.Reply.of(never))) {
            Synthesis result = generator(ollama.url(), Duration.ofSeconds(5), 0).generate(concepts, List.of(), 0.2);

            assertThat(result.source()).isEqualTo("rules");
            assertThat(String.join(" ", result.notes())).contains("strategies[0].definition.entry")
                    .contains("strategies[0].concepts: must cite");
        }
    }

    @Test
    void aSlowModelCountsAsAbsentAndRuleSynthesisAnswers() throws Exception {
        try (StubOllama ollama = new StubOllama(new StubOllama.Reply(VALID, Duration.ofSeconds(4)))) {
            Synthesis result = generator(ollama.url(), Duration.ofMillis(500), 2).generate(concepts, List.of(), 0.2);

            assertThat(result.source()).isEqualTo("rules");
            assertThat(result.candidates()).hasSize(1);
            assertThat(result.notes()).singleElement().satisfies(n -> assertThat(n)
                    .contains("did not answer").contains("rule synthesis used"));
        }
    }

    @Test
    void anUnreachableModelFallsBackAndNoModelConfiguredIsNoCallAtAll() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Synthesis unreachable = generator("http://127.0.0.1:" + port, Duration.ofSeconds(2), 2)
                .generate(concepts, List.of(), 0.2);
        Synthesis absent = generator("", Duration.ofSeconds(2), 2).generate(concepts, List.of(), 0.2);

        assertThat(unreachable.source()).isEqualTo("rules");
        assertThat(unreachable.notes()).anySatisfy(n -> assertThat(n).contains("did not answer"));
        assertThat(absent.source()).isEqualTo("rules");
        assertThat(absent.notes()).isEmpty();
        assertThat(absent.candidates()).hasSize(1);
    }
}
