package io.tradingedu.backtesting.engine;

import com.fasterxml.jackson.annotation.JsonProperty;

/** When an order from a signal on a bar's close is filled. */
public enum FillTiming {
    /** At the next bar's open: the default, as a trader acting on a closed bar would. */
    @JsonProperty("next_open") NEXT_OPEN,
    /** At the close of the signal bar itself: optimistic, for comparison with tools that assume it. */
    @JsonProperty("signal_close") SIGNAL_CLOSE
}
