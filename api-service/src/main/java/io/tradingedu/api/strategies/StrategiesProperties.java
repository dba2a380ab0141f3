package io.tradingedu.api.strategies;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a strategy's backtests can be read in full: links point to the backtesting service's
 * {@code GET /backtest/{id}}.
 *
 * @param backtestingUrl the backtesting service's public base URL (env {@code BACKTESTING_PUBLIC_URL})
 */
@ConfigurationProperties("strategies")
record StrategiesProperties(URI backtestingUrl) {

    StrategiesProperties {
        backtestingUrl = backtestingUrl == null ? URI.create("http://localhost:8001") : backtestingUrl;
    }

    String backtestLink(String id) {
        String base = backtestingUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/backtest/" + id;
    }
}
