package io.tradingedu.backtesting.engine;

/** When an order from a signal on a bar's close is filled. */
public enum FillTiming {
    /** At the next bar's open: the default, as a trader acting on a closed bar would. */
    NEXT_OPEN,
    /** At the close of the signal bar itself: optimistic, for comparison with tools that assume it. */
    SIGNAL_CLOSE
}
