package io.tradingedu.api.llama;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tradingedu.api.support.BadParameterException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code POST /llama/generate-strategy}. Checked here, before any service is asked, so every bound holds while the
 * orchestrator or backtesting-service is down.
 */
@Schema(description = "A keyword (the library's lessons about it) or a text (a strategy in words), not both")
record GenerateStrategyRequest(
        @Schema(description = "a trading term the library teaches, e.g. RSI; at most 100 characters") String keyword,
        @Schema(description = "a strategy in words; at most 20,000 characters",
                example = "Buy when the 50-day moving average crosses above the 200-day and sell when it crosses "
                        + "back below") String text,
        // a number, not an Integer: Jackson would quietly read 2.5 as 2, and the client must hear that it is wrong
        @Schema(type = "integer", description = "lessons to draw on for a keyword, a whole number 1..20 (default 5)")
        Double topK,
        @Schema(description = "the LLM's sampling temperature, 0..2 (the orchestrator's default when absent)")
        Double temperature,
        @Schema(description = "backtest the strategy at once (default false)") Boolean backtest,
        @Schema(description = "where to backtest it (default SPX 1d, the whole dataset, 70 % in sample)")
        Dataset dataset) {

    static final int MAX_TEXT = 20_000;
    /** orchestrator-service's own limit ({@code GenerateRequest.MAX_KEYWORD}): refused here, not passed on. */
    static final int MAX_KEYWORD = 100;
    static final int MAX_TOP_K = 20;
    static final int DEFAULT_TOP_K = 5;
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/^-]{0,31}");
    private static final Pattern TIMEFRAME = Pattern.compile("[1-9][0-9]{0,3}(m|h|d|w|mo)");

    /**
     * @param start            first bar, an ISO date or instant (inclusive); absent: the dataset's first
     * @param end              last bar (inclusive); absent: the dataset's last
     * @param inSampleFraction share of the bars tuned on, 0 &lt; x &lt; 1; the rest is out of sample
     */
    record Dataset(String symbol, String timeframe, String start, String end, Double inSampleFraction) {
    }

    /** The checked request with defaults filled in. */
    GenerateStrategyRequest checked(LlamaProperties defaults) {
        String checkedKeyword = keyword(keyword);
        String checkedText = text == null || text.isBlank() ? null : text.strip();
        if (checkedKeyword == null && checkedText == null) {
            throw new BadParameterException("keyword", "or text is needed: a trading term, or a strategy in words");
        }
        if (checkedKeyword != null && checkedText != null) {
            throw new BadParameterException("text", "cannot be given with keyword: give one of them");
        }
        if (checkedText != null && checkedText.length() > MAX_TEXT) {
            throw new BadParameterException("text", "must be at most " + MAX_TEXT + " characters; got "
                    + checkedText.length());
        }
        if (checkedText != null && checkedText.chars().anyMatch(c -> c == 0)) {
            throw new BadParameterException("text", "must not contain NUL characters");
        }
        double k = topK == null ? DEFAULT_TOP_K : topK;
        if (!(k >= 1 && k <= MAX_TOP_K)) {
            throw new BadParameterException("top_k", "must be between 1 and " + MAX_TOP_K + "; got " + plain(k));
        }
        if (k != Math.rint(k)) {
            throw new BadParameterException("top_k", "must be a whole number; got " + plain(k));
        }
        if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
            throw new BadParameterException("temperature", "must be between 0 and 2; got " + temperature);
        }
        return new GenerateStrategyRequest(checkedKeyword, checkedText, k, temperature,
                Boolean.TRUE.equals(backtest), checkedDataset(defaults));
    }

    private static String keyword(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new BadParameterException("keyword", "must not contain control characters");
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_KEYWORD) {
            throw new BadParameterException("keyword", "must be 1 to " + MAX_KEYWORD + " characters; got "
                    + stripped.length());
        }
        return stripped;
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private Dataset checkedDataset(LlamaProperties defaults) {
        Dataset given = dataset == null ? new Dataset(null, null, null, null, null) : dataset;
        String symbol = given.symbol() == null || given.symbol().isBlank() ? defaults.symbol() : given.symbol().strip();
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new BadParameterException("dataset.symbol", "must be 1 to 32 letters, digits or . _ / ^ -; got '"
                    + (symbol.length() > 40 ? symbol.substring(0, 40) + "…" : symbol) + "'");
        }
        String timeframe = given.timeframe() == null || given.timeframe().isBlank() ? defaults.timeframe()
                : given.timeframe().strip().toLowerCase(Locale.ROOT);
        if (!TIMEFRAME.matcher(timeframe).matches()) {
            throw new BadParameterException("dataset.timeframe", "must be a number and a unit (m, h, d, w, mo), "
                    + "e.g. 1d or 15m; got '" + (timeframe.length() > 40 ? timeframe.substring(0, 40) + "…"
                    : timeframe) + "'");
        }
        double fraction = given.inSampleFraction() == null ? defaults.inSampleFraction() : given.inSampleFraction();
        if (!(fraction > 0 && fraction < 1)) {
            throw new BadParameterException("dataset.in_sample_fraction", "must be above 0 and below 1; got "
                    + fraction);
        }
        return new Dataset(symbol, timeframe, time("dataset.start", given.start()), time("dataset.end", given.end()),
                fraction);
    }

    private static String time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        try {
            return stripped.length() == 10 ? LocalDate.parse(stripped).toString() : Instant.parse(stripped).toString();
        } catch (DateTimeParseException e) {
            throw new BadParameterException(field, "must be an ISO date (2015-01-31) or instant "
                    + "(2015-01-31T00:00:00Z); got '" + (stripped.length() > 40 ? stripped.substring(0, 40) + "…"
                    : stripped) + "'");
        }
    }
}
