package io.tradingedu.backtesting.marketdata;

import io.tradingedu.backtesting.engine.PriceBar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an uploaded CSV of bars ({@code date,open,high,low,close[,adj close],volume}) or of trades
 * ({@code timestamp,price,amount}, aggregated to bars of the requested timeframe). Comma, semicolon or tab separated;
 * rows in ascending or descending time order. Every row that is not a sane bar is rejected with its line number and
 * reason, the rest are kept.
 */
final class CsvBarReader {

    static final int MAX_REPORTED = 100;

    private final CsvHeader header;
    private final List<RejectedRow> rejected = new ArrayList<>();
    private long rejectedCount;
    private DateCell dateFormat;

    private CsvBarReader(CsvHeader header) {
        this.header = header;
    }

    static ParsedUpload read(BufferedReader in, Timeframe timeframe) {
        try {
            String headerLine = in.readLine();
            long line = 1;
            while (headerLine != null && headerLine.isBlank()) {
                headerLine = in.readLine();
                line++;
            }
            if (headerLine == null) {
                throw new InvalidMarketDataException("the file is empty");
            }
            CsvHeader header = CsvHeader.parse(headerLine.replace("\uFEFF", ""));
            CsvHeader.Kind kind = header.kind();
            CsvBarReader reader = new CsvBarReader(header);
            List<Row> rows = new ArrayList<>();
            long rowsRead = 0;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                rowsRead++;
                Row row = kind == CsvHeader.Kind.BARS ? reader.bar(text, line) : reader.trade(text, line);
                if (row != null) {
                    rows.add(row);
                }
            }
            List<PriceBar> bars = kind == CsvHeader.Kind.BARS ? reader.distinctInOrder(rows)
                    : TradeAggregator.aggregate(rows.stream().sorted(Comparator.comparing(Row::time)
                            .thenComparingLong(Row::line)).map(Row::bar).toList(), timeframe);
            String format = (kind == CsvHeader.Kind.BARS ? "bars" : "trades aggregated to " + timeframe.label() + " bars")
                    + ", '" + (header.delimiter() == '\t' ? "tab" : String.valueOf(header.delimiter())) + "' separated"
                    + (reader.dateFormat == null ? "" : ", dates like " + reader.dateFormat.example())
                    + (header.adjustedCloseIgnored() ? ", adjusted close ignored (close used)" : "");
            return new ParsedUpload(bars, List.copyOf(reader.rejected), reader.rejectedCount, rowsRead, format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Row bar(String text, long line) {
        List<String> cells = header.cells(text);
        Instant time = time(cells, text, line);
        if (time == null) {
            return null;
        }
        double open = number(cells, header.open());
        double high = number(cells, header.high());
        double low = number(cells, header.low());
        double close = number(cells, header.close());
        double volume = header.volume() < 0 ? 0 : number(cells, header.volume());
        String problem = barProblem(open, high, low, close, volume);
        if (problem != null) {
            return reject(line, problem, text);
        }
        return new Row(line, text, new PriceBar(time, open, high, low, close, volume));
    }

    private Row trade(String text, long line) {
        List<String> cells = header.cells(text);
        Instant time = time(cells, text, line);
        if (time == null) {
            return null;
        }
        double price = number(cells, header.price());
        double amount = header.amount() < 0 ? 0 : number(cells, header.amount());
        if (!(price > 0)) {
            return reject(line, "price must be a positive number", text);
        }
        if (!(amount >= 0)) {
            return reject(line, "amount must be a number of at least 0", text);
        }
        return new Row(line, text, new PriceBar(time, price, price, price, price, amount));
    }

    static String barProblem(double open, double high, double low, double close, double volume) {
        if (!(open > 0 && high > 0 && low > 0 && close > 0)) {
            return "open, high, low and close must be positive numbers";
        }
        if (high < Math.max(open, close)) {
            return "high " + high + " is below max(open, close) " + Math.max(open, close);
        }
        if (low > Math.min(open, close)) {
            return "low " + low + " is above min(open, close) " + Math.min(open, close);
        }
        if (!(volume >= 0)) {
            return "volume must be a number of at least 0";
        }
        return null;
    }

    private Instant time(List<String> cells, String text, long line) {
        String cell = header.time() < cells.size() ? cells.get(header.time()) : "";
        if (dateFormat == null) {
            dateFormat = DateCell.detect(cell).orElseThrow(() -> new InvalidMarketDataException(
                    "unreadable date '" + cell + "' on line " + line + "; supported: " + DateCell.SUPPORTED,
                    List.of(new RejectedRow(line, "unreadable date", text))));
        }
        Instant time = dateFormat.parse(cell).orElse(null);
        if (time == null) {
            reject(line, "date '" + cell + "' is not like " + dateFormat.example() + " as in the rows before", text);
        }
        return time;
    }

    private double number(List<String> cells, int column) {
        if (column >= cells.size()) {
            return Double.NaN;
        }
        String cell = cells.get(column);
        if (header.decimalComma() && cell.indexOf('.') < 0) {
            cell = cell.replace(',', '.');
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Ascending order; a second row for the same time is rejected, naming the line it repeats. */
    private List<PriceBar> distinctInOrder(List<Row> rows) {
        Map<Instant, Long> seen = new HashMap<>();
        List<PriceBar> bars = new ArrayList<>();
        for (Row row : rows) {
            Long first = seen.putIfAbsent(row.time(), row.line());
            if (first != null) {
                reject(row.line(), "duplicate time " + row.time() + " (first on line " + first + ")", row.text());
            } else {
                bars.add(row.bar());
            }
        }
        bars.sort(Comparator.comparing(PriceBar::time));
        return bars;
    }

    private Row reject(long line, String reason, String text) {
        rejectedCount++;
        if (rejected.size() < MAX_REPORTED) {
            rejected.add(new RejectedRow(line, reason, text.length() > 200 ? text.substring(0, 200) : text));
        }
        return null;
    }

    private record Row(long line, String text, PriceBar bar) {
        Instant time() {
            return bar.time();
        }
    }
}
