package io.tradingedu.api.dashboard;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Strategies page's chart data (prefix {@code dashboard.chart}; docs/dashboard.md). Each can be set by an env var.
 *
 * @param backtestingUrl where backtesting-service answers ({@code DASHBOARD_CHART_BACKTESTING_URL}); null: the
 *                       suite's {@code BACKTESTING_URL} (application.yml's {@code llama.backtesting-url})
 * @param maxPoints      at most this many equity points and price bars go to the browser; longer series are
 *                       thinned (equity) or merged into wider bars (prices) ({@code DASHBOARD_CHART_MAX_POINTS}, 2000)
 * @param maxBars        at most this many bars of the tested range are read from backtesting-service
 *                       ({@code DASHBOARD_CHART_MAX_BARS}, 50000; a longer range is cut at its end)
 * @param maxTrades      at most this many trades are answered ({@code DASHBOARD_CHART_MAX_TRADES}, 5000)
 * @param timeout        each call to backtesting-service is given up after this ({@code DASHBOARD_CHART_TIMEOUT}, 10 s)
 */
@ConfigurationProperties("dashboard.chart")
public record BacktestChartProperties(URI backtestingUrl, Integer maxPoints, Integer maxBars, Integer maxTrades,
                                      Duration timeout) {

    public BacktestChartProperties {
        maxPoints = maxPoints == null ? 2000 : maxPoints;
        maxBars = maxBars == null ? 50_000 : maxBars;
        maxTrades = maxTrades == null ? 5000 : maxTrades;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        if (maxPoints < 10 || maxPoints > 20_000) {
            throw new IllegalArgumentException("dashboard.chart.max-points (DASHBOARD_CHART_MAX_POINTS) must be "
                    + "10..20000");
        }
        if (maxBars < 1 || maxBars > 100_000) {
            throw new IllegalArgumentException("dashboard.chart.max-bars (DASHBOARD_CHART_MAX_BARS) must be 1..100000 "
                    + "(backtesting-service answers at most 100000 bars)");
        }
        if (maxTrades < 1 || maxTrades > 100_000) {
            throw new IllegalArgumentException("dashboard.chart.max-trades (DASHBOARD_CHART_MAX_TRADES) must be "
                    + "1..100000");
        }
        if (timeout.toMillis() < 100) {
            throw new IllegalArgumentException("dashboard.chart.timeout (DASHBOARD_CHART_TIMEOUT) must be at least "
                    + "100 ms");
        }
    }
}
