package io.tradingedu.backtesting.engine;

/** Why a position was closed. */
public enum ExitReason {
    SIGNAL, STOP_LOSS, TRAILING_STOP, TAKE_PROFIT, TIME, END_OF_DATA
}
