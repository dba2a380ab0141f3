package io.tradingedu.backtesting.engine;

import java.util.List;

/** The trades and the equity curve of one simulated range. */
public record SimulationResult(List<Trade> trades, EquityCurve equity) {
}
