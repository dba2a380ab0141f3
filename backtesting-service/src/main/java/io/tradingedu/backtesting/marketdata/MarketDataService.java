package io.tradingedu.backtesting.marketdata;

import io.tradingedu.backtesting.engine.IndicatorCache;
import io.tradingedu.backtesting.engine.PriceBar;
import io.tradingedu.backtesting.engine.PriceSeries;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Market data in and out. A whole dataset is kept in memory once read, with its indicator values, so repeated
 * backtests and sweeps on it compute each indicator once; an upload to a dataset drops that copy.
 */
@Service
public class MarketDataService {

    private static final Logger log = LoggerFactory.getLogger(MarketDataService.class);
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9._^-]{0,31}");

    private final BarRepository bars;
    private final Map<String, IndicatorCache> loaded = new ConcurrentHashMap<>();

    MarketDataService(BarRepository bars) {
        this.bars = bars;
    }

    /** Reads the whole upload first (no transaction is held while a client sends it), then stores it at once. */
    public ImportReport importCsv(String symbol, String timeframeText, InputStream csv) {
        String normalized = symbol(symbol);
        Timeframe timeframe = Timeframe.parse(timeframeText);
        ParsedUpload upload = CsvBarReader.read(new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8)),
                timeframe);
        if (upload.bars().isEmpty()) {
            throw new InvalidMarketDataException("no valid bar in the upload (" + upload.rowsRead() + " rows read, "
                    + upload.rejectedCount() + " rejected)", upload.rejected());
        }
        bars.upsert(normalized, timeframe.label(), upload.bars());
        loaded.remove(key(normalized, timeframe.label()));
        log.info("imported {} {} bars of {} ({} rows rejected)", upload.bars().size(), timeframe.label(), normalized,
                upload.rejectedCount());
        return new ImportReport(normalized, timeframe.label(), upload.format(), upload.rowsRead(), upload.bars().size(),
                upload.bars().getFirst().time(), upload.bars().getLast().time(), upload.rejectedCount(),
                upload.rejected());
    }

    public List<DatasetSummary> datasets() {
        return bars.datasets();
    }

    public List<PriceBar> bars(String symbol, String timeframe, Instant from, Instant to) {
        String normalized = symbol(symbol);
        String label = Timeframe.parse(timeframe).label();
        List<PriceBar> found = bars.bars(normalized, label, from, to);
        if (found.isEmpty() && !bars.exists(normalized, label)) {
            throw new DatasetNotFoundException("no " + label + " bars are held for " + normalized);
        }
        return found;
    }

    /** The whole dataset with its shared indicator values. */
    public IndicatorCache dataset(String symbol, String timeframe) {
        String normalized = symbol(symbol);
        Timeframe tf = Timeframe.parse(timeframe);
        return loaded.computeIfAbsent(key(normalized, tf.label()), k -> {
            List<PriceBar> all = bars.bars(normalized, tf.label(), null, null);
            if (all.isEmpty()) {
                throw new DatasetNotFoundException("no " + tf.label() + " bars are held for " + normalized
                        + "; upload them with POST /market-data");
            }
            return new IndicatorCache(PriceSeries.of(normalized, tf.duration(), all));
        });
    }

    static String symbol(String symbol) {
        String upper = symbol == null ? "" : symbol.trim().toUpperCase(Locale.ROOT);
        if (!SYMBOL.matcher(upper).matches()) {
            throw new InvalidMarketDataException("symbol '" + symbol + "' must be 1 to 32 letters, digits or . _ ^ -");
        }
        return upper;
    }

    private static String key(String symbol, String timeframe) {
        return symbol + "|" + timeframe;
    }
}
