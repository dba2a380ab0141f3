package io.tradingedu.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tradingedu.support.security.ServiceCredential;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The client against a stub embeddings-service: what reaches it, and what each kind of failure becomes. */
class EmbeddingsClientTest {

    static final String TRICKY = "RSI & MACD #2 + 50% über/unter? a=b";

    EmbeddingsStub stub;
    EmbeddingsClient client;

    @BeforeEach
    void start() {
        stub = new EmbeddingsStub();
        stub.start();
        client = clientWithReadTimeout(Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        stub.stop();
    }

    @Test
    void everyParameterArrivesEncodedAndDecodesToWhatWasAsked() {
        UUID media = UUID.randomUUID();

        client.search(new SearchRequest(TRICKY, 7, "transcript,clip", media, "take profit", "risk_management", 1.5,
                1.0E7, -0.25, "vector"));

        EmbeddingsStub.Request request = stub.requests().getFirst();
        assertThat(request.path()).isEqualTo("/search");
        assertThat(request.rawQuery()).startsWith("query=RSI%20%26%20MACD%20%232%20%2B%2050%25%20%C3%BCber%2Funter"
                + "%3F%20a%3Db&");
        assertThat(request.parameters()).containsExactly(
                Map.entry("query", TRICKY), Map.entry("top_k", "7"),
                Map.entry("type", "transcript,clip"), Map.entry("media_id", media.toString()),
                Map.entry("keyword", "take profit"), Map.entry("category", "risk_management"),
                Map.entry("from_seconds", "1.5"), Map.entry("to_seconds", "1.0E7"),
                Map.entry("min_similarity", "-0.25"), Map.entry("mode", "vector"));
    }

    @Test
    void absentParametersAreLeftOut() {
        client.search(new SearchRequest("stop loss", null, null, null, null, null, null, null, null, null));

        assertThat(stub.requests().getFirst().rawQuery()).isEqualTo("query=stop%20loss");
    }

    @Test
    void readsTheResultInSnakeCaseAndIgnoresFieldsItDoesNotKnow() {
        UUID media = UUID.randomUUID();
        UUID clip = UUID.randomUUID();
        stub.answer(EmbeddingsStub.json(200, """
                {"query":"take profits","mode":"hybrid","model":"all-minilm-l6-v2-q","took_ms":12,
                 "hits":[{"type":"clip","media_id":"%s","source_id":"%s","start_seconds":62.0,"end_seconds":91.5,
                          "text":"take profit at the prior high","keywords":["take profit"],"score":0.032,
                          "similarity":0.61,"text_rank":null,"matched_by":["vector"],"play":"/clip/%s/download",
                          "added_later":{"x":1}}]}""".formatted(media, clip, clip)));

        SearchResult result = client.search(new SearchRequest("take profits", null, null, null, null, null, null,
                null, null, null));

        assertThat(result.model()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(result.hits()).containsExactly(new SearchResult.SearchHit("clip", media, clip, 62.0, 91.5,
                "take profit at the prior high", List.of("take profit"), 0.032, 0.61, null,
                List.of("vector"), "/clip/" + clip + "/download"));
    }

    @Test
    void itsBadParameterKeepsStatusDetailAndFieldInTheClientsSpelling() {
        stub.answer(EmbeddingsStub.problem(400, """
                {"type":"https://tradingedu.io/problems/bad-parameter","status":400,
                 "detail":"type: 'slides' is not a type; use one of [transcript, frame, clip] or all",
                 "field":"type"}"""));

        EmbeddingsSearchException refused = failure();

        assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.kind()).isEqualTo("bad-parameter");
        assertThat(refused.getMessage()).isEqualTo(
                "type: 'slides' is not a type; use one of [transcript, frame, clip] or all");
        assertThat(refused.field()).isEqualTo("embedding_type");
    }

    @Test
    void anotherRefusalWithoutAProblemBodyKeepsItsStatus() {
        stub.answer(new EmbeddingsStub.Answer(429, "text/html", "<h1>slow down</h1>", null));

        EmbeddingsSearchException refused = failure();

        assertThat(refused.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getMessage()).isEqualTo("embeddings-service refused the search (429)");
        assertThat(refused.field()).isNull();
    }

    @Test
    void itsServerErrorIsABadGatewayWithItsDetail() {
        stub.answer(EmbeddingsStub.problem(500, "{\"status\":500,\"detail\":\"the index is being rebuilt\"}"));

        EmbeddingsSearchException failed = failure();

        assertThat(failed.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(failed.getMessage()).isEqualTo("embeddings-service failed the search (500): the index is being "
                + "rebuilt");
    }

    @Test
    void itsServiceUnavailableStaysServiceUnavailable() {
        stub.answer(EmbeddingsStub.problem(503, "{\"status\":503,\"detail\":\"the model is loading\"}"));

        assertThat(failure().status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void anAnswerThatIsNoSearchResultIsABadGateway() {
        stub.answer(EmbeddingsStub.json(200, "{\"hits\": \"not a list\""));

        EmbeddingsSearchException failed = failure();

        assertThat(failed.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(failed.getMessage()).isEqualTo("embeddings-service answered with something that is not a "
                + "search result");
    }

    @Test
    void aStoppedServiceCannotBeReached() {
        stub.stop();

        EmbeddingsSearchException unavailable = failure();

        assertThat(unavailable.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(unavailable.getMessage()).isEqualTo("embeddings-service cannot be reached: the connection was "
                + "refused");
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeCannotBeReached() {
        CountDownLatch stalled = new CountDownLatch(1);
        stub.answer(new EmbeddingsStub.Answer(200, "application/json", "{\"hits\":[]}", stalled));
        client = clientWithReadTimeout(Duration.ofMillis(300));
        try {
            EmbeddingsSearchException unavailable = failure();

            assertThat(unavailable.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(unavailable.getMessage()).isEqualTo("embeddings-service cannot be reached: no answer within "
                    + "0.3 s");
        } finally {
            stalled.countDown();
        }
    }

    private EmbeddingsSearchException failure() {
        return catchThrowableOfType(EmbeddingsSearchException.class, () -> client.search(
                new SearchRequest("RSI", null, null, null, null, null, null, null, null, null)));
    }

    private EmbeddingsClient clientWithReadTimeout(Duration readTimeout) {
        return new EmbeddingsClient(new EmbeddingsProperties(URI.create(stub.url()), Duration.ofSeconds(2),
                readTimeout), org.springframework.web.client.RestClient.builder(), ServiceCredential.none());
    }
}
