package io.tradingedu.backtesting.marketdata;

import io.tradingedu.backtesting.engine.PriceSeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real datasets fetched from registries by {@code deploy/local/stack.sh fetch-data} (the test command runs it
 * before the tests). A missing file fails the test with what to run; it never skips it.
 */
public final class RealMarketData {

    private RealMarketData() {
    }

    /** S&P 500 daily bars, 2000-01-03 to 2020-04-17 (npm vega-datasets 3.2.1). */
    public static PriceSeries sp500() {
        return series("SPX", "sp500-2000.csv", "1d");
    }

    public static Path file(String name) {
        Path dir = Path.of(System.getProperty("market.data.dir", ".stack/data/market"));
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: run deploy/local/stack.sh fetch-data "
                    + "(deploy/local/stack.sh test does it before the tests)");
        }
        return file;
    }

    private static PriceSeries series(String symbol, String name, String timeframe) {
        Timeframe tf = Timeframe.parse(timeframe);
        try (BufferedReader in = Files.newBufferedReader(file(name))) {
            ParsedUpload upload = CsvBarReader.read(in, tf);
            return PriceSeries.of(symbol, tf.duration(), upload.bars());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
