package io.tradingedu.backtesting.marketdata;

import io.tradingedu.backtesting.engine.PriceBar;
import io.tradingedu.backtesting.support.Excerpt;
import io.tradingedu.backtesting.support.SaneTime;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an uploaded CSV of bars ({@code date,open,high,low,close[,adj close],volume}) or of trades
 * ({@code timestamp,price,amount}, aggregated to bars of the requested timeframe). Comma, semicolon or tab separated;
 * rows in ascending or descending time order. Every row that is not a sane bar is rejected with its line number and
 * reason, the rest are kept. Read as a stream within limits: no line is held beyond its maximum length, and the row
 * past the maximum ends the upload. Numbers are plain decimals ({@code 12.5}, {@code 1.2e3}): NaN, infinities, hex
 * floats and values beyond a double's range are rejected per cell, as are dates outside 1900..2200.
 */
final class CsvBarReader {

    static final int MAX_REPORTED = 100;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");

    private final CsvHeader header;
    private final List<RejectedRow> rejected = new ArrayList<>();
    /** The first line of each bar time seen, to reject repeats as they are read. */
    private final Map<Instant, Long> seen = new HashMap<>();
    private long rejectedCount;
    private DateCell dateFormat;

    private CsvBarReader(CsvHeader header) {
        this.header = header;
    }

    /** With the default limits ({@link MarketDataLimits}). */
    static ParsedUpload read(Reader in, Timeframe timeframe) {
        return read(in, timeframe, MarketDataLimits.DEFAULT_MAX_ROWS, MarketDataLimits.DEFAULT_MAX_LINE_LENGTH);
    }

    /** @throws InvalidMarketDataException for an unusable header or first date, or more than {@code maxRows} rows */
    static ParsedUpload read(Reader in, Timeframe timeframe, int maxRows, int maxLineLength) {
        try {
            BoundedLines lines = new BoundedLines(in, maxLineLength);
            BoundedLines.Line headerLine = lines.next();
            long line = 1;
            while (headerLine != null && headerLine.text().isBlank() && !headerLine.tooLong()) {
                headerLine = lines.next();
                line++;
            }
            if (headerLine == null) {
                throw new InvalidMarketDataException("the file is empty");
            }
            if (headerLine.tooLong()) {
                throw new InvalidMarketDataException("the header (line " + line + ") is longer than " + maxLineLength
                        + " characters: '" + Excerpt.of(headerLine.text()) + "'");
            }
            CsvHeader header = CsvHeader.parse(headerLine.text().replace("\uFEFF", ""));
            CsvHeader.Kind kind = header.kind();
            CsvBarReader reader = new CsvBarReader(header);
            List<Row> rows = new ArrayList<>();
            long rowsRead = 0;
            for (BoundedLines.Line text = lines.next(); text != null; text = lines.next()) {
                line++;
                if (text.text().isBlank() && !text.tooLong()) {
                    continue;
                }
                if (++rowsRead > maxRows) {
                    throw new InvalidMarketDataException("the upload has more than " + maxRows + " rows, the limit "
                            + "(MARKET_DATA_LIMITS_MAX_ROWS); split it into several uploads");
                }
                if (text.tooLong()) {
                    reader.reject(line, "the line is longer than " + maxLineLength + " characters", text.text());
                    continue;
                }
                Row row = kind == CsvHeader.Kind.BARS ? reader.bar(text.text(), line) : reader.trade(text.text(), line);
                if (row != null) {
                    rows.add(row);
                }
            }
            List<PriceBar> bars = kind == CsvHeader.Kind.BARS
                    ? rows.stream().map(Row::bar).sorted(Comparator.comparing(PriceBar::time)).toList()
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

    /** A bar; a second row for the same time is rejected, naming the line it repeats. */
    private Row bar(String text, long line) {
        List<String> cells = header.cells(text);
        try {
            Instant time = time(cells, text, line);
            double open = number(cells, header.open(), "open");
            double high = number(cells, header.high(), "high");
            double low = number(cells, header.low(), "low");
            double close = number(cells, header.close(), "close");
            double volume = header.volume() < 0 ? 0 : number(cells, header.volume(), "volume");
            String problem = barProblem(open, high, low, close, volume);
            if (problem != null) {
                return reject(line, problem, text);
            }
            Long first = seen.putIfAbsent(time, line);
            if (first != null) {
                return reject(line, "duplicate time " + time + " (first on line " + first + ")", text);
            }
            return new Row(line, new PriceBar(time, open, high, low, close, volume));
        } catch (CellProblem e) {
            return reject(line, e.getMessage(), text);
        }
    }

    private Row trade(String text, long line) {
        List<String> cells = header.cells(text);
        try {
            Instant time = time(cells, text, line);
            double price = number(cells, header.price(), "price");
            double amount = header.amount() < 0 ? 0 : number(cells, header.amount(), "amount");
            if (!(price > 0)) {
                return reject(line, "price must be a positive number", text);
            }
            if (!(amount >= 0)) {
                return reject(line, "amount must be a number of at least 0", text);
            }
            return new Row(line, new PriceBar(time, price, price, price, price, amount));
        } catch (CellProblem e) {
            return reject(line, e.getMessage(), text);
        }
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
                    "unreadable date '" + Excerpt.of(cell) + "' on line " + line + "; supported: " + DateCell.SUPPORTED,
                    List.of(new RejectedRow(line, "unreadable date", Excerpt.of(text)))));
        }
        Instant time = dateFormat.parse(cell).orElseThrow(() -> new CellProblem("date '" + Excerpt.of(cell)
                + "' is not like " + dateFormat.example() + " as in the rows before"));
        if (!SaneTime.contains(time)) {
            throw new CellProblem("date '" + Excerpt.of(cell) + "' is outside the years 1900 to 2200");
        }
        return time;
    }

    /** A plain decimal that a double holds: no NaN, infinity, hex float, type suffix or overflow. */
    private double number(List<String> cells, int column, String name) {
        if (column >= cells.size() || cells.get(column).isEmpty()) {
            throw new CellProblem("no " + name + " value");
        }
        String cell = cells.get(column);
        String decimal = header.decimalComma() && cell.indexOf('.') < 0 ? cell.replace(',', '.') : cell;
        if (!DECIMAL.matcher(decimal).matches()) {
            throw new CellProblem(name + " '" + Excerpt.of(cell) + "' is not a decimal number");
        }
        double value = Double.parseDouble(decimal);
        if (Double.isInfinite(value)) {
            throw new CellProblem(name + " '" + Excerpt.of(cell) + "' is beyond the range of a number");
        }
        return value;
    }

    private Row reject(long line, String reason, String text) {
        rejectedCount++;
        if (rejected.size() < MAX_REPORTED) {
            rejected.add(new RejectedRow(line, reason, Excerpt.of(text)));
        }
        return null;
    }

    private record Row(long line, PriceBar bar) {
        Instant time() {
            return bar.time();
        }
    }

    /** Why one cell makes its row unusable; cheap (no stack trace), as a file may have many such rows. */
    private static final class CellProblem extends RuntimeException {
        CellProblem(String reason) {
            super(reason, null, false, false);
        }
    }
}
