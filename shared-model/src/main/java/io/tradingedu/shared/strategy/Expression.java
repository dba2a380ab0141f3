package io.tradingedu.shared.strategy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A number series a condition compares: an indicator, a bar field or a constant. On the wire the kind is told by
 * its keys: {@code {"indicator": "SMA", "params": {"period": 50}}}, {@code {"price": "close"}}, {@code {"constant": 30}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({
        @JsonSubTypes.Type(Expression.IndicatorRef.class),
        @JsonSubTypes.Type(Expression.Price.class),
        @JsonSubTypes.Type(Expression.Constant.class)
})
public sealed interface Expression {

    /**
     * An indicator by catalogue name (see {@link IndicatorKind}), its parameters (missing ones take the catalogue
     * default), which of its outputs (null for the first) and, for indicators that smooth a series, the series it
     * reads (null for the close).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record IndicatorRef(String indicator, Map<String, Double> params, String output, Expression input)
            implements Expression {
        public IndicatorRef {
            params = params == null ? Map.of() : new LinkedHashMap<>(params);
        }

        public static IndicatorRef of(String indicator, Map<String, Double> params) {
            return new IndicatorRef(indicator, params, null, null);
        }
    }

    /** One field of every bar. */
    record Price(PriceField price) implements Expression {
    }

    /** The same number on every bar. */
    record Constant(double constant) implements Expression {
    }
}
