package io.tradingedu.shared.strategy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How an open position is protected and closed besides the exit rule. Every part is optional.
 *
 * @param stopLoss     a fixed stop set at entry
 * @param takeProfit   a fixed target set at entry
 * @param trailingStop a stop that follows the best price since entry
 * @param maxBars      close the position after this many bars
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Risk(
        @JsonProperty("stop_loss") StopLoss stopLoss,
        @JsonProperty("take_profit") TakeProfit takeProfit,
        @JsonProperty("trailing_stop") TrailingStop trailingStop,
        @JsonProperty("max_bars") Integer maxBars) {

    public static final Risk NONE = new Risk(null, null, null, null);

    /** Exactly one of: a percent of the entry price, or a multiple of ATR(atrPeriod) on the signal bar. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StopLoss(
            Double percent,
            @JsonProperty("atr_multiple") Double atrMultiple,
            @JsonProperty("atr_period") Integer atrPeriod) {
        public static StopLoss percent(double percent) {
            return new StopLoss(percent, null, null);
        }
    }

    /** Exactly one of: a percent of the entry price, or a multiple R of the initial stop distance. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TakeProfit(Double percent, @JsonProperty("r_multiple") Double rMultiple) {
    }

    /** The stop trails the highest high (long) or lowest low (short) since entry by this percent. */
    public record TrailingStop(double percent) {
    }
}
