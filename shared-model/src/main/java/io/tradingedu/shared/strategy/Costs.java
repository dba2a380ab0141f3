package io.tradingedu.shared.strategy;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Trading costs in basis points of the traded value, paid on entry and on exit. Slippage moves every fill price
 * against the trader; commission is charged on the filled value.
 */
public record Costs(
        @JsonProperty("commission_bps") double commissionBps,
        @JsonProperty("slippage_bps") double slippageBps) {

    public static final Costs NONE = new Costs(0, 0);
}
