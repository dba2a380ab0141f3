package io.tradingedu.orchestrator.keywords;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of trading vocabulary the lexicon knows; {@link #id()} is the name used in the lexicon and in hits. */
public enum KeywordCategory {
    TECHNICAL_INDICATOR,
    PRICE_ACTION,
    RISK_MANAGEMENT,
    ORDER_TYPE,
    MARKET_CONDITION,
    STRATEGY_TYPE,
    TIMEFRAME,
    CHART_PATTERN,
    CANDLESTICK;

    /** The lower-case name, e.g. {@code technical_indicator}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<KeywordCategory> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst();
    }
}
