package io.tradingedu.backtesting.engine;

/**
 * A condition evaluated on the close of every bar. {@code firstValidBar} is the first bar on which every indicator
 * the condition reads has enough history; the simulator ignores the signal before it.
 */
record Signal(boolean[] values, int firstValidBar) {

    static Signal never(int size) {
        return new Signal(new boolean[size], size);
    }

    boolean isTrue(int bar) {
        return bar >= firstValidBar && values[bar];
    }
}
