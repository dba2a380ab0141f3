package io.tradingedu.api.playground;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What one Playground request may cost (prefix {@code dashboard.playground}; docs/dashboard.md), checked before
 * anything is sent to backtesting-service, whose own limits (bars, variants, queued jobs) apply on top.
 *
 * @param backtestingUrl where backtesting-service answers ({@code DASHBOARD_PLAYGROUND_BACKTESTING_URL}); null: the
 *                       suite's {@code BACKTESTING_URL}
 * @param maxTextChars   characters of strategy text ({@code DASHBOARD_PLAYGROUND_MAX_TEXT_CHARS}, 10000)
 * @param maxVariants    variants of one sweep: the cells of its heatmap
 *                       ({@code DASHBOARD_PLAYGROUND_MAX_VARIANTS}, 400)
 * @param timeout        each call to backtesting-service ({@code DASHBOARD_PLAYGROUND_TIMEOUT}, 30 s: a small
 *                       backtest or sweep is answered when it is done)
 */
@ConfigurationProperties("dashboard.playground")
public record PlaygroundProperties(URI backtestingUrl, Integer maxTextChars, Integer maxVariants, Duration timeout) {

    public PlaygroundProperties {
        maxTextChars = maxTextChars == null ? 10_000 : maxTextChars;
        maxVariants = maxVariants == null ? 400 : maxVariants;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        if (maxTextChars < 100 || maxTextChars > 100_000) {
            throw new IllegalArgumentException("dashboard.playground.max-text-chars "
                    + "(DASHBOARD_PLAYGROUND_MAX_TEXT_CHARS) must be 100..100000");
        }
        if (maxVariants < 1 || maxVariants > 1000) {
            throw new IllegalArgumentException("dashboard.playground.max-variants (DASHBOARD_PLAYGROUND_MAX_VARIANTS) "
                    + "must be 1..1000 (backtesting-service returns at most 1000 ranked variants)");
        }
        if (timeout.toMillis() < 100) {
            throw new IllegalArgumentException("dashboard.playground.timeout (DASHBOARD_PLAYGROUND_TIMEOUT) must be at "
                    + "least 100ms");
        }
    }
}
