package io.tradingedu.backtesting.marketdata;

import io.tradingedu.backtesting.support.Excerpt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The columns of an upload's header row, found by name whatever their order, case or spelling variant. */
record CsvHeader(char delimiter, int time, int open, int high, int low, int close, int volume, int price,
                 int amount, boolean adjustedCloseIgnored) {

    enum Kind { BARS, TRADES }

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("date", "time"), Map.entry("time", "time"), Map.entry("timestamp", "time"),
            Map.entry("datetime", "time"), Map.entry("day", "time"), Map.entry("opentime", "time"),
            Map.entry("open", "open"), Map.entry("o", "open"), Map.entry("high", "high"), Map.entry("h", "high"),
            Map.entry("low", "low"), Map.entry("l", "low"), Map.entry("close", "close"), Map.entry("c", "close"),
            Map.entry("last", "close"), Map.entry("adjclose", "adjclose"), Map.entry("volume", "volume"),
            Map.entry("vol", "volume"), Map.entry("v", "volume"), Map.entry("price", "price"),
            Map.entry("amount", "amount"), Map.entry("size", "amount"), Map.entry("quantity", "amount"),
            Map.entry("qty", "amount"));

    static CsvHeader parse(String line) {
        char delimiter = delimiterOf(line);
        List<String> cells = CsvHeader.split(line, delimiter);
        Map<String, Integer> found = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = NAMES.get(cells.get(i).toLowerCase(Locale.ROOT).replaceAll("[\\s_.\\-*]", ""));
            if (name != null) {
                found.putIfAbsent(name, i);
            }
        }
        if (!found.containsKey("time")) {
            throw new InvalidMarketDataException("the first line must be a header naming the columns, e.g. "
                    + "date,open,high,low,close,volume (or timestamp,price,amount for trades); found '" + Excerpt.of(line) + "'");
        }
        return new CsvHeader(delimiter, found.get("time"), found.getOrDefault("open", -1),
                found.getOrDefault("high", -1), found.getOrDefault("low", -1), found.getOrDefault("close", -1),
                found.getOrDefault("volume", -1), found.getOrDefault("price", -1),
                found.getOrDefault("amount", found.getOrDefault("volume", -1)), found.containsKey("adjclose"));
    }

    Kind kind() {
        if (open >= 0 && high >= 0 && low >= 0 && close >= 0) {
            return Kind.BARS;
        }
        if (price >= 0) {
            return Kind.TRADES;
        }
        List<String> missing = new ArrayList<>();
        if (open < 0) {
            missing.add("open");
        }
        if (high < 0) {
            missing.add("high");
        }
        if (low < 0) {
            missing.add("low");
        }
        if (close < 0) {
            missing.add("close");
        }
        throw new InvalidMarketDataException("the header has no " + String.join(", ", missing)
                + " column(s) for bars and no price column for trades");
    }

    List<String> cells(String line) {
        return split(line, delimiter);
    }

    /** Semicolon files commonly write decimals with a comma. */
    boolean decimalComma() {
        return delimiter == ';';
    }

    private static char delimiterOf(String header) {
        char best = ',';
        long bestCount = 0;
        for (char candidate : new char[] {',', ';', '\t'}) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    private static List<String> split(String line, char delimiter) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.split(Pattern.quote(String.valueOf(delimiter)), -1)) {
            String trimmed = cell.trim();
            if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
                trimmed = trimmed.substring(1, trimmed.length() - 1).trim();
            }
            cells.add(trimmed);
        }
        return cells;
    }
}
