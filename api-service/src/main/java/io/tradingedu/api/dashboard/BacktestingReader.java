package io.tradingedu.api.dashboard;

import io.tradingedu.support.security.ServiceCredential;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;

/**
 * The read-only calls the Strategies page needs from backtesting-service (a backtest, its trades and equity, the bars
 * of its range), made with the suite's service token. The browser never talks to backtesting-service: api-service is
 * the one origin the page may contact (docs/dashboard.md).
 */
@Component
class BacktestingReader {

    private static final Logger log = LoggerFactory.getLogger(BacktestingReader.class);
    private static final String SERVICE = "backtesting-service";

    private final RestClient http;
    private final URI base;

    BacktestingReader(BacktestChartProperties properties, RestClient.Builder restClients,
                      ServiceCredential credential,
                      @Value("${llama.backtesting-url:http://localhost:8001}") URI suiteBacktestingUrl) {
        this.base = properties.backtestingUrl() != null ? properties.backtestingUrl() : suiteBacktestingUrl;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.timeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(properties.timeout());
        this.http = restClients.clone().baseUrl(base.toString()).requestFactory(requests)
                .requestInterceptor(credential).build();
    }

    /** The job: its status, request (symbol, timeframe, initial capital) and metrics per period. */
    JsonNode backtest(UUID id) {
        return get("backtest " + id, "/backtest/{id}", id);
    }

    JsonNode trades(UUID id) {
        return get("the trades of backtest " + id, "/backtest/{id}/trades", id);
    }

    JsonNode equity(UUID id) {
        return get("the equity of backtest " + id, "/backtest/{id}/equity", id);
    }

    /** Bars from {@code from} to {@code to} inclusive, at most {@code limit}, in time order. */
    JsonNode bars(String symbol, String timeframe, Instant from, Instant to, int limit) {
        return call("the bars of " + symbol + " " + timeframe, http -> http.get()
                .uri(uri -> uri.path("/market-data/{symbol}/bars").queryParam("timeframe", timeframe)
                        .queryParam("from", from.toString()).queryParam("to", to.toString())
                        .queryParam("limit", limit).build(symbol))
                .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class));
    }

    private JsonNode get(String what, String path, UUID id) {
        return call(what, http -> http.get().uri(path, id).accept(MediaType.APPLICATION_JSON).retrieve()
                .body(JsonNode.class));
    }

    private JsonNode call(String what, java.util.function.Function<RestClient, JsonNode> call) {
        try {
            JsonNode body = call.apply(http);
            if (body == null) {
                throw new BacktestChartException(HttpStatus.BAD_GATEWAY, "backtesting-failed",
                        "backtesting-service failed", SERVICE + " answered " + what + " without a body");
            }
            return body;
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == 404) {
                throw new BacktestChartException(HttpStatus.NOT_FOUND, "backtest-not-found", "Backtest not found",
                        SERVICE + " holds no " + what);
            }
            if (e.getStatusCode().value() == 503) {
                throw new BacktestChartException(HttpStatus.SERVICE_UNAVAILABLE, "backtesting-unavailable",
                        "backtesting-service unavailable", SERVICE + " is unavailable; try again shortly");
            }
            throw new BacktestChartException(HttpStatus.BAD_GATEWAY, "backtesting-failed",
                    "backtesting-service failed", SERVICE + " answered " + what + " with " + e.getStatusCode().value());
        } catch (ResourceAccessException e) {
            throw unreachable(e);
        } catch (RestClientException e) {
            if (e.getMostSpecificCause() instanceof IOException) {
                throw unreachable(e);
            }
            throw new BacktestChartException(HttpStatus.BAD_GATEWAY, "backtesting-failed", "backtesting-service failed",
                    SERVICE + " answered " + what + " with something that cannot be read");
        }
    }

    /** The caller learns that the service cannot be reached; where it lives and why stay in the log. */
    private BacktestChartException unreachable(RestClientException e) {
        log.warn("{} at {} cannot be reached: {}", SERVICE, base, e.getMostSpecificCause().toString());
        return new BacktestChartException(HttpStatus.SERVICE_UNAVAILABLE, "backtesting-unavailable",
                "backtesting-service unavailable", SERVICE + " cannot be reached; try again shortly");
    }
}
