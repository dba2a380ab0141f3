package io.tradingedu.api.playground;

import java.util.List;

/** The Playground's request bodies (snake_case JSON, like every api-service body). */
final class PlaygroundRequests {

    private PlaygroundRequests() {
    }

    /** {@code POST /playground/check}. */
    record Check(String text) {
    }

    /**
     * {@code POST /playground/backtests}: the text, the dataset and range (ISO dates or instants, null for all of
     * it), and the plan: {@code single} or {@code split} at {@code in_sample_fraction} (default 0.7).
     */
    record Backtest(String text, String symbol, String timeframe, String start, String end, String plan,
                    Double inSampleFraction) {
    }

    /**
     * {@code POST /playground/sweeps}: one or two of the strategy's numbers (paths from the check's
     * {@code sweepable}) swept from..to by step over the dataset and range, ranked by {@code metric} (default
     * sharpe).
     */
    record Sweep(String text, String symbol, String timeframe, String start, String end, String metric,
                 List<Axis> parameters) {
    }

    record Axis(String path, Double from, Double to, Double step) {
    }
}
