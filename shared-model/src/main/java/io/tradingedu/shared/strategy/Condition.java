package io.tradingedu.shared.strategy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * A yes/no question asked on the close of every bar. On the wire {@code {"type": "crosses_above", "left": …,
 * "right": …}}; the compact text form ({@link RuleParser}) reads {@code "SMA(50) crosses above SMA(200)"}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Condition.Above.class, name = "above"),
        @JsonSubTypes.Type(value = Condition.Below.class, name = "below"),
        @JsonSubTypes.Type(value = Condition.CrossesAbove.class, name = "crosses_above"),
        @JsonSubTypes.Type(value = Condition.CrossesBelow.class, name = "crosses_below"),
        @JsonSubTypes.Type(value = Condition.Between.class, name = "between"),
        @JsonSubTypes.Type(value = Condition.Rising.class, name = "rising"),
        @JsonSubTypes.Type(value = Condition.Falling.class, name = "falling"),
        @JsonSubTypes.Type(value = Condition.AllOf.class, name = "and"),
        @JsonSubTypes.Type(value = Condition.AnyOf.class, name = "or"),
        @JsonSubTypes.Type(value = Condition.Not.class, name = "not"),
        @JsonSubTypes.Type(value = Condition.Within.class, name = "within"),
        @JsonSubTypes.Type(value = Condition.StopLossHit.class, name = "stop_loss_hit"),
        @JsonSubTypes.Type(value = Condition.TakeProfitHit.class, name = "take_profit_hit")
})
public sealed interface Condition {

    /** left &gt; right on this bar. */
    record Above(Expression left, Expression right) implements Condition {
    }

    /** left &lt; right on this bar. */
    record Below(Expression left, Expression right) implements Condition {
    }

    /** left &gt; right on this bar and left ≤ right on the bar before. */
    record CrossesAbove(Expression left, Expression right) implements Condition {
    }

    /** left &lt; right on this bar and left ≥ right on the bar before. */
    record CrossesBelow(Expression left, Expression right) implements Condition {
    }

    /** lower ≤ value ≤ upper on this bar. */
    record Between(Expression value, Expression lower, Expression upper) implements Condition {
    }

    /** value strictly higher than it was {@code bars} bars ago. */
    record Rising(Expression value, int bars) implements Condition {
    }

    /** value strictly lower than it was {@code bars} bars ago. */
    record Falling(Expression value, int bars) implements Condition {
    }

    record AllOf(List<Condition> conditions) implements Condition {
        public AllOf {
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
        }
    }

    record AnyOf(List<Condition> conditions) implements Condition {
        public AnyOf {
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
        }
    }

    record Not(Condition condition) implements Condition {
    }

    /**
     * {@code condition} was true on at least one of the last {@code bars} bars, the current one included
     * ({@code within 1 bars} is the condition itself). Text: {@code RSI(2) < 5 within 3 bars}.
     */
    record Within(int bars, Condition condition) implements Condition {
    }

    /**
     * The original system's {@code stop_loss_hit} exit. Stops are executed intrabar by the engine from
     * {@link Risk#stopLoss()}; on the close this condition is never true, it only documents the intent and
     * requires a stop loss to be set.
     */
    record StopLossHit() implements Condition {
    }

    /** Like {@link StopLossHit}, for {@link Risk#takeProfit()}. */
    record TakeProfitHit() implements Condition {
    }
}
