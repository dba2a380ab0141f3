package io.tradingedu.backtesting.marketdata;

import io.tradingedu.backtesting.engine.IndicatorCache;
import io.tradingedu.backtesting.engine.PriceBar;
import io.tradingedu.backtesting.engine.PriceSeries;
import io.tradingedu.backtesting.support.Excerpt;
import io.tradingedu.support.web.BadFieldException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Market data in and out. A whole dataset is kept in memory once read, with its indicator values, so repeated
 * backtests and sweeps on it compute each indicator once; an upload to a dataset drops that copy. Both are bounded
 * ({@link MarketDataLimits}): the indicator values per dataset by a byte budget, the datasets held by a count (the
 * least recently used is dropped).
 *
 * <p>With several instances, an upload on one announces the change ({@link MarketDataEvents}, through the outbox in
 * the upload's transaction) and every instance drops its copy when the event arrives
 * ({@link MarketDataChangeListener}), normally within a second; while Kafka is down the others keep their copy until
 * it is back.
 */
@Service
public class MarketDataService {

    private static final Logger log = LoggerFactory.getLogger(MarketDataService.class);
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9._^-]{0,31}");

    private final BarRepository bars;
    private final MarketDataLimits limits;
    private final TransactionTemplate transactions;
    private final MarketDataEvents events;
    /** In access order, least recently used first; guarded by itself. */
    private final Map<String, IndicatorCache> loaded;
    /** Counts the copies dropped; a read that overlapped a drop is not kept. Guarded by {@link #loaded}. */
    private long drops;

    MarketDataService(BarRepository bars, MarketDataLimits limits, TransactionTemplate transactions,
                      MarketDataEvents events) {
        this.bars = bars;
        this.limits = limits;
        this.transactions = transactions;
        this.events = events;
        this.loaded = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, IndicatorCache> eldest) {
                return size() > limits.loadedDatasets();
            }
        };
    }

    /**
     * Reads the whole upload first (no transaction is held while a client sends it), then stores it at once, unless
     * the dataset would then hold more bars than allowed.
     */
    public ImportReport importCsv(String symbol, String timeframeText, InputStream csv) {
        String normalized = symbol(symbol);
        Timeframe timeframe = Timeframe.parse(timeframeText);
        ParsedUpload upload = CsvBarReader.read(new InputStreamReader(csv, StandardCharsets.UTF_8), timeframe,
                limits.maxRows(), limits.maxLineLength());
        if (upload.bars().isEmpty()) {
            throw new InvalidMarketDataException("no valid bar in the upload (" + upload.rowsRead() + " rows read, "
                    + upload.rejectedCount() + " rejected)", upload.rejected());
        }
        transactions.executeWithoutResult(status -> {
            bars.upsert(normalized, timeframe.label(), upload.bars());
            long held = bars.count(normalized, timeframe.label());
            if (held > limits.maxDatasetBars()) {
                // rolled back: the dataset keeps what it had
                throw new BadFieldException("file", "would make " + normalized + " " + timeframe.label() + " hold "
                        + held + " bars; a dataset may hold at most " + limits.maxDatasetBars()
                        + " (MARKET_DATA_LIMITS_MAX_DATASET_BARS)");
            }
            events.changed(normalized, timeframe.label());
        });
        forget(normalized, timeframe.label());
        log.info("imported {} {} bars of {} ({} rows rejected)", upload.bars().size(), timeframe.label(), normalized,
                upload.rejectedCount());
        return new ImportReport(normalized, timeframe.label(), upload.format(), upload.rowsRead(), upload.bars().size(),
                upload.bars().getFirst().time(), upload.bars().getLast().time(), upload.rejectedCount(),
                upload.rejected());
    }

    public List<DatasetSummary> datasets() {
        return bars.datasets();
    }

    /** At most {@code limit} bars of the range, in time order. */
    public List<PriceBar> bars(String symbol, String timeframe, Instant from, Instant to, int limit) {
        String normalized = symbol(symbol);
        String label = Timeframe.parse(timeframe).label();
        List<PriceBar> found = bars.bars(normalized, label, from, to, limit);
        if (found.isEmpty() && !bars.exists(normalized, label)) {
            throw new DatasetNotFoundException("no " + label + " bars are held for " + normalized);
        }
        return found;
    }

    /**
     * The whole dataset with its shared indicator values. Read from the database outside the lock, so a slow read
     * does not hold up backtests on other datasets; two first reads of one dataset may both read it, the first kept.
     * A read during which a copy was dropped (an upload committed meanwhile) is used but not kept: it may hold the
     * bars from before the change.
     */
    public IndicatorCache dataset(String symbol, String timeframe) {
        String normalized = symbol(symbol);
        Timeframe tf = Timeframe.parse(timeframe);
        String key = key(normalized, tf.label());
        long dropsBefore;
        synchronized (loaded) {
            IndicatorCache known = loaded.get(key);
            if (known != null) {
                return known;
            }
            dropsBefore = drops;
        }
        List<PriceBar> all = bars.bars(normalized, tf.label(), null, null);
        if (all.isEmpty()) {
            throw new DatasetNotFoundException("no " + tf.label() + " bars are held for " + normalized
                    + "; upload them with POST /market-data");
        }
        IndicatorCache read = new IndicatorCache(PriceSeries.of(normalized, tf.duration(), all),
                limits.indicatorCache().toBytes());
        synchronized (loaded) {
            if (drops != dropsBefore) {
                return read;
            }
            IndicatorCache raced = loaded.putIfAbsent(key, read);
            return raced == null ? read : raced;
        }
    }

    /**
     * Drops this instance's copy of a dataset (the next backtest reads it again).
     *
     * @return whether a copy was held
     */
    boolean forget(String symbol, String timeframe) {
        synchronized (loaded) {
            drops++;
            return loaded.remove(key(symbol, timeframe)) != null;
        }
    }

    /**
     * Drops every copy this instance holds: called when its change listener is (re)assigned the events' partition,
     * since an event sent before then may have been missed. Counts as a drop, so a read that overlapped it is not
     * kept either.
     *
     * @return how many copies were held
     */
    int forgetAll() {
        synchronized (loaded) {
            drops++;
            int held = loaded.size();
            loaded.clear();
            return held;
        }
    }

    static String symbol(String symbol) {
        String upper = symbol == null ? "" : symbol.trim().toUpperCase(Locale.ROOT);
        if (!SYMBOL.matcher(upper).matches()) {
            throw new InvalidMarketDataException("symbol '" + Excerpt.of(symbol) + "' must be 1 to 32 letters, digits or . _ ^ -");
        }
        return upper;
    }

    private static String key(String symbol, String timeframe) {
        return symbol + "|" + timeframe;
    }
}
