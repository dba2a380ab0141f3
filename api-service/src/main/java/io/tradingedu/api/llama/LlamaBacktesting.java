package io.tradingedu.api.llama;

import io.tradingedu.api.upstream.Upstream;
import io.tradingedu.support.security.ServiceCredential;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * backtesting-service's {@code POST /backtest} for a strategy just generated: the dataset, an in-sample /
 * out-of-sample split, and links clients can follow to its trades and equity.
 */
@Component
class LlamaBacktesting {

    private final Upstream backtesting;
    private final LlamaProperties properties;

    LlamaBacktesting(LlamaProperties properties, RestClient.Builder restClients, ServiceCredential credential) {
        this.properties = properties;
        this.backtesting = new Upstream(restClients, "backtesting-service", properties.backtestingUrl(),
                properties.connectTimeout(), properties.backtestTimeout(), credential);
    }

    /**
     * The backtest as backtesting-service answered it (201 with metrics, or 202 while a large one is queued).
     *
     * @param link       the backtest on backtesting-service, at its public URL
     * @param metricsLink its metrics per period
     */
    record Result(JsonNode view, UUID id, String status, String link, String metricsLink) {
    }

    Result backtest(JsonNode strategy, GenerateStrategyRequest.Dataset dataset) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("strategy", strategy);
        body.put("symbol", dataset.symbol());
        body.put("timeframe", dataset.timeframe());
        if (dataset.start() != null) {
            body.put("start", dataset.start());
        }
        if (dataset.end() != null) {
            body.put("end", dataset.end());
        }
        body.put("plan", Map.of("mode", "split", "in_sample_fraction", dataset.inSampleFraction()));
        ResponseEntity<JsonNode> answer = backtesting.call("the backtest", http -> http.post().uri("/backtest")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(JsonNode.class));
        JsonNode view = answer.getBody();
        if (view == null || !view.path("id").isString()) {
            throw backtesting.failed("backtesting-service answered the backtest without its id");
        }
        UUID id = UUID.fromString(view.path("id").asString());
        return new Result(view, id, view.path("status").isString() ? view.path("status").asString() : null, link(id, ""), link(id, "/metrics"));
    }

    private String link(UUID id, String suffix) {
        return UriComponentsBuilder.fromUri(properties.backtestingPublicUrl()).path("/backtest/{id}" + suffix)
                .buildAndExpand(id).toUriString();
    }
}
