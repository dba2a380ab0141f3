package io.tradingedu.backtesting.marketdata;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradingedu.backtesting.engine.PriceBar;
import io.tradingedu.backtesting.support.TimeParameter;
import io.tradingedu.support.web.BadFieldException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/market-data")
@Tag(name = "Market data", description = "OHLCV bars the backtests run on")
class MarketDataController {

    static final int DEFAULT_BARS = 10_000;
    static final int MAX_BARS = 100_000;

    private final MarketDataService marketData;
    private final DataSize maxUpload;

    MarketDataController(MarketDataService marketData,
                         @Value("${spring.servlet.multipart.max-request-size}") DataSize maxUpload) {
        this.marketData = marketData;
        this.maxUpload = maxUpload;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a CSV of bars or trades",
            description = "Bars: date,open,high,low,close[,adj close],volume (comma, semicolon or tab separated; ISO, "
                    + "dd-Mon-yy, slashed or epoch dates; any order). Trades: timestamp,price,amount, aggregated to "
                    + "bars of the timeframe. Invalid rows are skipped and listed; an upload without one valid bar "
                    + "is a 400.")
    ImportReport upload(@RequestParam String symbol, @RequestParam(defaultValue = "1d") String timeframe,
                        @RequestParam MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return marketData.importCsv(symbol, timeframe, in);
        }
    }

    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Upload a CSV of bars or trades as the request body",
            description = "As the multipart form; the same size limit applies (413 beyond it).")
    ImportReport uploadBody(@RequestParam String symbol, @RequestParam(defaultValue = "1d") String timeframe,
                            InputStream body) {
        return marketData.importCsv(symbol, timeframe, new LimitedInputStream(body, maxUpload.toBytes()));
    }

    @GetMapping
    @Operation(summary = "Datasets held: symbol, timeframe, first and last bar, number of bars")
    List<DatasetSummary> datasets() {
        return marketData.datasets();
    }

    @GetMapping("/{symbol}/bars")
    @Operation(summary = "Bars of a dataset in time order",
            description = "from/to: ISO date or instant, inclusive. At most `limit` bars (1 to " + MAX_BARS
                    + ", default " + DEFAULT_BARS + "): page on with from = the last bar's time.")
    List<PriceBar> bars(@PathVariable String symbol, @RequestParam(defaultValue = "1d") String timeframe,
                        @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                        @RequestParam(defaultValue = "" + DEFAULT_BARS) int limit) {
        if (limit < 1 || limit > MAX_BARS) {
            throw new BadFieldException("limit", "must be between 1 and " + MAX_BARS + "; got " + limit);
        }
        return marketData.bars(symbol, timeframe, TimeParameter.parse("from", from), TimeParameter.parse("to", to),
                limit);
    }
}
