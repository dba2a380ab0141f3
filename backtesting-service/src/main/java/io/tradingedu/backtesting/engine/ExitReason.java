package io.tradingedu.backtesting.engine;

/** Why a position was closed. {@code EXIT_STOP}: the strategy's {@code exit_stop} level was traded through. */
public enum ExitReason {
    SIGNAL, STOP_LOSS, TRAILING_STOP, TAKE_PROFIT, TIME, END_OF_DATA, EXIT_STOP
}
