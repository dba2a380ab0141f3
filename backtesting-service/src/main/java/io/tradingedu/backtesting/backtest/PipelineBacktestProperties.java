package io.tradingedu.backtesting.backtest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stage 9's cost bounds. One command costs at most {@code maxStrategies × (maxVariants + 1) × bars × datasets}
 * simulated bars: with the defaults and the S&P 500's 5,105 daily bars about 20 million, a few seconds.
 *
 * @param maxStrategies strategies tested per command; the rest are reported as not tested
 * @param maxVariants   variants one strategy's open parameters may make; a larger grid is tried with coarser steps
 */
@ConfigurationProperties("backtest.pipeline")
record PipelineBacktestProperties(@DefaultValue("20") int maxStrategies, @DefaultValue("200") int maxVariants) {

    PipelineBacktestProperties {
        if (maxStrategies < 1 || maxVariants < 1) {
            throw new IllegalArgumentException("backtest.pipeline.max-strategies and max-variants must be at least 1");
        }
    }
}
