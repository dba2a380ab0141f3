package io.tradingedu.shared.strategy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A trading strategy as data: written by the orchestrator's strategy stage or a user, run by the backtesting service.
 * Version 1 of the language; its JSON Schema is {@link StrategySchema#json()}. Orders, fills and the meaning of every
 * field in detail: docs/backtesting.md.
 *
 * @param version    language version, {@value #VERSION}
 * @param direction  the side the entry rules open (long by default); a position opened by {@code reverse} is the
 *                   opposite side
 * @param entry      opens a position when true on a bar's close (and no position is open); with {@code entryStop},
 *                   the bars on which the entry stop order is placed (null: on every bar)
 * @param exit       closes the position when true on a bar's close; null to exit only through {@link Risk} or
 *                   {@code exitStop}
 * @param entryStop  a level computed on each bar's close: a stop order to enter there on the next bar (a buy stop
 *                   for long, a sell stop for short), filled when that bar trades through it
 * @param exitStop   a level computed on each bar's close: a stop order to leave there on the next bar
 * @param reverse    true: a filled exit stop opens the opposite position at the same price (stop and reverse);
 *                   null when false
 * @param pyramiding how many units of {@code sizing} may be open at once (null: 1); a repeated entry signal adds one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StrategyDefinition(
        int version,
        String name,
        Direction direction,
        Condition entry,
        Condition exit,
        Risk risk,
        Sizing sizing,
        Costs costs,
        @JsonProperty("entry_stop") Expression entryStop,
        @JsonProperty("exit_stop") Expression exitStop,
        Boolean reverse,
        Integer pyramiding) {

    public static final int VERSION = 1;

    public StrategyDefinition {
        version = version == 0 ? VERSION : version;
        direction = direction == null ? Direction.LONG : direction;
        risk = risk == null ? Risk.NONE : risk;
        sizing = sizing == null ? Sizing.ALL_IN : sizing;
        costs = costs == null ? Costs.NONE : costs;
        // false and absent mean the same, so they must compare (and serialize) the same
        reverse = Boolean.TRUE.equals(reverse) ? Boolean.TRUE : null;
    }

    /** A strategy of market orders only (the language before stop orders, reversal and pyramiding). */
    public StrategyDefinition(int version, String name, Direction direction, Condition entry, Condition exit,
                              Risk risk, Sizing sizing, Costs costs) {
        this(version, name, direction, entry, exit, risk, sizing, costs, null, null, null, null);
    }

    public StrategyDefinition withCosts(Costs newCosts) {
        return new StrategyDefinition(version, name, direction, entry, exit, risk, sizing, newCosts, entryStop,
                exitStop, reverse, pyramiding);
    }

    /** Whether a filled exit stop opens the opposite position. */
    public boolean reverses() {
        return Boolean.TRUE.equals(reverse);
    }

    /** The most units open at once: {@code pyramiding}, or 1. */
    public int maxUnits() {
        return pyramiding == null ? 1 : pyramiding;
    }
}
