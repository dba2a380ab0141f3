package io.tradingedu.api.dashboard;

import io.tradingedu.api.upstream.Upstream;
import io.tradingedu.support.security.ServiceCredential;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The read-only calls the Strategies page needs from backtesting-service (a backtest, its trades and equity, the bars
 * of its range), made with the suite's service token. The browser never talks to backtesting-service: api-service is
 * the one origin the page may contact (docs/dashboard.md). A refusal is passed on with backtesting-service's own
 * problem type and words (e.g. 404 {@code backtest-not-found}); an outage is a 503 {@code backtesting-unavailable}.
 */
@Component
class BacktestingReader {

    private final Upstream backtesting;

    BacktestingReader(BacktestChartProperties properties, RestClient.Builder restClients,
                      ServiceCredential credential,
                      @Value("${llama.backtesting-url:http://localhost:8001}") URI suiteBacktestingUrl) {
        this.backtesting = new Upstream(restClients, "backtesting-service",
                properties.backtestingUrl() != null ? properties.backtestingUrl() : suiteBacktestingUrl,
                properties.timeout(), properties.timeout(), credential);
    }

    /** The job: its status, request (symbol, timeframe, initial capital) and metrics per period. */
    JsonNode backtest(UUID id) {
        return get("backtest " + id, "/backtest/{id}", id);
    }

    /** A bounded list and how many there are in all (backtesting-service's {@code X-Total-Count}). */
    record Bounded(JsonNode items, int total) {
    }

    /** The first {@code limit} trades, in period order. */
    Bounded trades(UUID id, int limit) {
        return bounded("the trades of backtest " + id, "/backtest/{id}/trades?limit={limit}", id, limit);
    }

    /** The equity thinned by backtesting-service to about {@code maxPoints}, each period's ends kept. */
    Bounded equity(UUID id, int maxPoints) {
        return bounded("the equity of backtest " + id, "/backtest/{id}/equity?max_points={max}", id, maxPoints);
    }

    /** Bars from {@code from} to {@code to} inclusive, at most {@code limit}, in time order. */
    JsonNode bars(String symbol, String timeframe, Instant from, Instant to, int limit) {
        return backtesting.call("the bars of " + symbol + " " + timeframe, http -> http.get()
                .uri(uri -> uri.path("/market-data/{symbol}/bars").queryParam("timeframe", timeframe)
                        .queryParam("from", from.toString()).queryParam("to", to.toString())
                        .queryParam("limit", limit).build(symbol))
                .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class));
    }

    /** backtesting-service answered something that cannot be drawn: a 502 naming it. */
    RuntimeException failed(String detail) {
        return backtesting.failed(detail);
    }

    private Bounded bounded(String what, String path, UUID id, int bound) {
        ResponseEntity<JsonNode> answer = backtesting.call(what, http -> http.get().uri(path, id, bound)
                .accept(MediaType.APPLICATION_JSON).retrieve().toEntity(JsonNode.class));
        JsonNode items = answer.getBody();
        if (items == null || !items.isArray()) {
            throw backtesting.failed("backtesting-service answered " + what + " without a list");
        }
        String total = answer.getHeaders().getFirst("X-Total-Count");
        return new Bounded(items, total != null && total.matches("\\d{1,9}") ? Integer.parseInt(total)
                : items.size());
    }

    private JsonNode get(String what, String path, UUID id) {
        return backtesting.call(what, http -> http.get().uri(path, id).accept(MediaType.APPLICATION_JSON).retrieve()
                .body(JsonNode.class));
    }
}
