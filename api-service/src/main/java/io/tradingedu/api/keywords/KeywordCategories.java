package io.tradingedu.api.keywords;

import io.tradingedu.api.support.Params;
import java.util.List;

/**
 * The categories of the trading lexicon stage 3 assigns; a filter by any other category is a 400, not an empty page.
 */
public final class KeywordCategories {

    public static final List<String> ALL = List.of("technical_indicator", "price_action", "risk_management",
            "order_type", "market_condition", "strategy_type", "timeframe", "chart_pattern", "candlestick");

    private KeywordCategories() {
    }

    /** The category in lower case; {@code null} stays {@code null}; a 400 naming {@code category} otherwise. */
    public static String check(String category) {
        return Params.oneOf("category", category, ALL);
    }
}
