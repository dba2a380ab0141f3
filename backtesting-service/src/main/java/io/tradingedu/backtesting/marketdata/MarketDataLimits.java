package io.tradingedu.backtesting.marketdata;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What market data may cost. An upload is read as a stream: a line longer than {@code maxLineLength} is skipped
 * without being held (and rejected), an upload with more than {@code maxRows} rows is refused when that row is read.
 * A dataset read for backtests stays in memory with its indicator values, at most {@code indicatorCache} of them per
 * dataset (least recently used dropped first), for at most {@code loadedDatasets} datasets.
 *
 * @param maxRows        data rows of one upload
 * @param maxLineLength  characters of one line
 * @param indicatorCache indicator arrays kept per loaded dataset
 * @param loadedDatasets datasets kept in memory; the least recently used is dropped beyond
 * @param maxDatasetBars bars one dataset may hold after an upload (uploads add up: each is checked with the rest)
 */
@ConfigurationProperties("market-data.limits")
record MarketDataLimits(
        @DefaultValue("1000000") int maxRows,
        @DefaultValue("1000") int maxLineLength,
        @DefaultValue("128MB") DataSize indicatorCache,
        @DefaultValue("8") int loadedDatasets,
        @DefaultValue("2000000") long maxDatasetBars) {

    static final int DEFAULT_MAX_ROWS = 1_000_000;
    static final int DEFAULT_MAX_LINE_LENGTH = 1000;

    MarketDataLimits {
        if (maxRows < 1 || maxLineLength < 80 || indicatorCache == null || indicatorCache.isNegative()
                || loadedDatasets < 1 || maxDatasetBars < 1) {
            throw new IllegalArgumentException("market-data.limits: max-rows and loaded-datasets must be at least 1, "
                    + "max-line-length at least 80, indicator-cache not negative, max-dataset-bars at least 1");
        }
    }
}
