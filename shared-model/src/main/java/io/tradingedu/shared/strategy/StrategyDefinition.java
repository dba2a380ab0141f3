package io.tradingedu.shared.strategy;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A trading strategy as data: written by the orchestrator's strategy stage or a user, run by the backtesting service.
 * Version 1 of the language; its JSON Schema is {@link StrategySchema#json()}.
 *
 * @param version   language version, {@value #VERSION}
 * @param entry     opens a position when true on a bar's close (and no position is open)
 * @param exit      closes the position when true on a bar's close; null to exit only through {@link Risk}
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
        Costs costs) {

    public static final int VERSION = 1;

    public StrategyDefinition {
        version = version == 0 ? VERSION : version;
        direction = direction == null ? Direction.LONG : direction;
        risk = risk == null ? Risk.NONE : risk;
        sizing = sizing == null ? Sizing.ALL_IN : sizing;
        costs = costs == null ? Costs.NONE : costs;
    }

    public StrategyDefinition withCosts(Costs newCosts) {
        return new StrategyDefinition(version, name, direction, entry, exit, risk, sizing, newCosts);
    }
}
