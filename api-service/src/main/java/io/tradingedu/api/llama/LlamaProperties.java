package io.tradingedu.api.llama;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The /llama endpoints' settings. orchestrator-service's and embeddings-service's URLs are the suite's existing
 * {@code orchestrator.url} and {@code embeddings.url}: one setting per fact.
 *
 * @param backtestingUrl       backtesting-service's base URL (env {@code BACKTESTING_URL})
 * @param backtestingPublicUrl where clients reach backtesting-service, for the links in answers (behind nginx:
 *                             {@code https://host/backtest}); absent: {@code backtestingUrl}
 * @param connectTimeout       how long to wait for a connection to any of them (default 2 s)
 * @param readTimeout          how long to wait for searches and embeddings (default 15 s)
 * @param llmTimeout           how long to wait for the orchestrator's grounded summary, which may ask a local LLM
 *                             (default 120 s)
 * @param generateTimeout      how long to wait for the orchestrator's strategy generation (default 400 s): it may
 *                             ask the LLM more than once before it falls back to rule synthesis (with its defaults
 *                             one exchange and two repairs of up to 120 s each), so it needs longer than a summary;
 *                             giving up earlier would turn an answer that is on its way into a 503
 * @param backtestTimeout      how long to wait for a backtest (default 60 s; large ones are queued and answered at
 *                             once with a link)
 * @param symbol               the dataset a generated strategy is backtested on by default (SPX)
 * @param timeframe            its timeframe (1d)
 * @param inSampleFraction     the share of the bars the split plan treats as in-sample (0.7); the rest is judged
 *                             out of sample
 */
@ConfigurationProperties("llama")
record LlamaProperties(URI backtestingUrl, URI backtestingPublicUrl, Duration connectTimeout, Duration readTimeout,
                       Duration llmTimeout, Duration generateTimeout, Duration backtestTimeout, String symbol,
                       String timeframe, Double inSampleFraction) {

    LlamaProperties {
        backtestingUrl = backtestingUrl == null ? URI.create("http://localhost:8001") : backtestingUrl;
        backtestingPublicUrl = backtestingPublicUrl == null ? backtestingUrl : backtestingPublicUrl;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(15) : readTimeout;
        llmTimeout = llmTimeout == null ? Duration.ofSeconds(120) : llmTimeout;
        generateTimeout = generateTimeout == null ? Duration.ofSeconds(400) : generateTimeout;
        backtestTimeout = backtestTimeout == null ? Duration.ofSeconds(60) : backtestTimeout;
        symbol = symbol == null || symbol.isBlank() ? "SPX" : symbol;
        timeframe = timeframe == null || timeframe.isBlank() ? "1d" : timeframe;
        inSampleFraction = inSampleFraction == null ? 0.7 : inSampleFraction;
        if (!(inSampleFraction > 0 && inSampleFraction < 1)) {
            throw new IllegalArgumentException("llama.in-sample-fraction must be above 0 and below 1; got "
                    + inSampleFraction);
        }
    }
}
