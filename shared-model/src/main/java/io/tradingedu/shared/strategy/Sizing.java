package io.tradingedu.shared.strategy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How large each position is. Exactly one of: a fraction of current equity put into the position, or the fraction
 * of equity lost if the stop loss is hit (needs a stop loss). Positions never exceed equity (no leverage).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Sizing(
        @JsonProperty("fraction_of_equity") Double fractionOfEquity,
        @JsonProperty("risk_per_trade") Double riskPerTrade) {

    public static final Sizing ALL_IN = new Sizing(1.0, null);
}
