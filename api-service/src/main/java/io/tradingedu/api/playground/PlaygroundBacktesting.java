package io.tradingedu.api.playground;

import io.tradingedu.api.upstream.Upstream;
import io.tradingedu.support.security.ServiceCredential;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * backtesting-service as the Playground calls it with the suite's service token: the datasets it holds, a backtest
 * or a sweep of a strategy given inline, and a job's state. Its refusals reach the page with its own problem type and
 * words (a range without bars, too many simulated bars, its queue full: 429).
 */
@Component
class PlaygroundBacktesting {

    private final Upstream backtesting;

    PlaygroundBacktesting(PlaygroundProperties properties, RestClient.Builder restClients,
                          ServiceCredential credential,
                          @Value("${llama.backtesting-url:http://localhost:8001}") URI suiteBacktestingUrl) {
        this.backtesting = new Upstream(restClients, "backtesting-service",
                properties.backtestingUrl() != null ? properties.backtestingUrl() : suiteBacktestingUrl,
                properties.timeout(), properties.timeout(), credential);
    }

    /** Every dataset: symbol, timeframe, first and last bar, bar count. */
    JsonNode datasets() {
        return backtesting.call("the datasets", http -> http.get().uri("/market-data")
                .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class));
    }

    /** {@code POST /backtest} or {@code POST /optimize}: the job as answered (201 done, 202 queued). */
    JsonNode submit(String path, Map<String, Object> body) {
        ResponseEntity<JsonNode> answer = backtesting.call("the " + path.substring(1), http -> http.post().uri(path)
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(JsonNode.class));
        JsonNode job = answer.getBody();
        if (job == null || !job.path("id").isString()) {
            throw backtesting.failed("backtesting-service answered the " + path.substring(1) + " without its id");
        }
        return job;
    }

    /** A backtest or sweep: its status, request, error, metrics or sweep report. */
    JsonNode job(UUID id) {
        return backtesting.call("job " + id, http -> http.get().uri("/backtest/{id}", id)
                .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class));
    }

    RuntimeException failed(String detail) {
        return backtesting.failed(detail);
    }
}
