package io.tradingedu.backtesting.engine;

import io.tradingedu.shared.strategy.Direction;
import java.time.Instant;

/**
 * One closed position. Prices are fill prices (slippage included); {@code pnl} is in money after both commissions,
 * {@code pnlPercent} relates it to the money put into the position ({@code quantity × entryPrice}).
 *
 * @param barsHeld bars from the entry bar to the exit bar (a position entered at an open and left at the next open
 *                 held one bar)
 */
public record Trade(
        Direction side,
        Instant entryTime,
        double entryPrice,
        Instant exitTime,
        double exitPrice,
        double quantity,
        double pnl,
        double pnlPercent,
        double commission,
        int barsHeld,
        ExitReason exitReason) {
}
