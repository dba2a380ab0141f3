package io.tradingedu.backtesting.engine;

/**
 * A condition evaluated on the close of every bar. {@code firstValidBar} is the first bar on which every indicator
 * the condition reads has enough history; the simulator ignores the signal before it.
 */
record Signal(boolean[] values, int firstValidBar) {

    static Signal never(int size) {
        return new Signal(new boolean[size], size);
    }

    static Signal always(int size) {
        boolean[] values = new boolean[size];
        java.util.Arrays.fill(values, true);
        return new Signal(values, 0);
    }

    boolean isTrue(int bar) {
        return bar >= firstValidBar && values[bar];
    }
}
