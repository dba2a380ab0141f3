package io.tradingedu.shared.strategy;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema (draft 2020-12) of {@link StrategyDefinition} version 1, generated from the same catalogue the
 * validator uses so the two cannot drift. The schema checks shape and parameter ranges; {@link StrategyValidator}
 * adds what a schema cannot say (rules that can never be true, R multiples without a stop).
 */
public final class StrategySchema {

    public static final String ID = "https://tradingedu.io/schemas/strategy-v1.json";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNode SCHEMA = build();

    private StrategySchema() {
    }

    public static JsonNode json() {
        return SCHEMA.deepCopy();
    }

    private static JsonNode build() {
        ObjectNode schema = MAPPER.createObjectNode()
                .put("$schema", "https://json-schema.org/draft/2020-12/schema")
                .put("$id", ID)
                .put("title", "Trading strategy, version " + StrategyDefinition.VERSION);
        object(schema, List.of());
        // an entry rule, an entry stop level, or both
        ArrayNode entryRequired = schema.putArray("anyOf");
        entryRequired.addObject().putArray("required").add("entry");
        entryRequired.addObject().putArray("required").add("entry_stop");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("version").put("const", StrategyDefinition.VERSION);
        properties.putObject("name").put("type", "string");
        enumOf(properties.putObject("direction"), "long", "short");
        properties.set("entry", ref("condition"));
        properties.set("exit", ref("condition"));
        properties.set("entry_stop", ref("expression"));
        properties.set("exit_stop", ref("expression"));
        properties.putObject("reverse").put("type", "boolean");
        properties.putObject("pyramiding").put("type", "integer").put("minimum", 1)
                .put("maximum", PositionRulesValidator.MAX_UNITS);
        properties.set("risk", risk());
        properties.set("sizing", sizing());
        properties.set("costs", costs());
        ObjectNode defs = schema.putObject("$defs");
        defs.set("expression", expressions(defs));
        defs.set("condition", conditions());
        return schema;
    }

    private static ObjectNode expressions(ObjectNode defs) {
        ArrayNode oneOf = MAPPER.createArrayNode();
        for (IndicatorKind kind : IndicatorKind.values()) {
            String name = "indicator_" + kind.wireName();
            defs.set(name, indicator(kind));
            oneOf.add(ref(name));
        }
        ObjectNode price = object(MAPPER.createObjectNode(), List.of("price"));
        enumOf(price.putObject("properties").putObject("price"), "open", "high", "low", "close", "volume");
        oneOf.add(price);
        ObjectNode constant = object(MAPPER.createObjectNode(), List.of("constant"));
        constant.putObject("properties").putObject("constant").put("type", "number");
        oneOf.add(constant);
        ObjectNode expression = MAPPER.createObjectNode();
        expression.set("oneOf", oneOf);
        return expression;
    }

    private static ObjectNode indicator(IndicatorKind kind) {
        ObjectNode node = object(MAPPER.createObjectNode(), List.of("indicator"));
        ObjectNode properties = node.putObject("properties");
        properties.putObject("indicator").put("const", kind.wireName());
        ObjectNode params = object(properties.putObject("params"), List.of()).putObject("properties");
        for (IndicatorKind.Param param : kind.params()) {
            params.putObject(param.name())
                    .put("type", param.integer() ? "integer" : "number")
                    .put("minimum", param.min())
                    .put("maximum", param.max())
                    .put("default", param.defaultValue());
        }
        if (!kind.outputs().isEmpty()) {
            enumOf(properties.putObject("output"), kind.outputs().toArray(String[]::new));
        }
        if (kind.takesInput()) {
            properties.set("input", ref("expression"));
        }
        return node;
    }

    private static ObjectNode conditions() {
        ArrayNode oneOf = MAPPER.createArrayNode();
        for (String type : List.of("above", "below", "crosses_above", "crosses_below")) {
            oneOf.add(condition(type, "left", "right"));
        }
        oneOf.add(condition("between", "value", "lower", "upper"));
        for (String type : List.of("rising", "falling")) {
            ObjectNode node = condition(type, "value");
            node.withArray("required").add("bars");
            node.withObject("properties").putObject("bars").put("type", "integer").put("minimum", 1);
            oneOf.add(node);
        }
        for (String type : List.of("and", "or")) {
            ObjectNode node = condition(type);
            node.withArray("required").add("conditions");
            node.withObject("properties").putObject("conditions").put("type", "array").put("minItems", 1)
                    .set("items", ref("condition"));
            oneOf.add(node);
        }
        ObjectNode within = condition("within");
        within.withArray("required").add("bars").add("condition");
        within.withObject("properties").putObject("bars").put("type", "integer").put("minimum", 1).put("maximum", 5000);
        within.withObject("properties").set("condition", ref("condition"));
        oneOf.add(within);
        ObjectNode not = condition("not");
        not.withArray("required").add("condition");
        not.withObject("properties").set("condition", ref("condition"));
        oneOf.add(not);
        oneOf.add(condition("stop_loss_hit"));
        oneOf.add(condition("take_profit_hit"));
        ObjectNode condition = MAPPER.createObjectNode();
        condition.set("oneOf", oneOf);
        return condition;
    }

    private static ObjectNode condition(String type, String... operands) {
        ObjectNode node = object(MAPPER.createObjectNode(), List.of("type"));
        ObjectNode properties = node.putObject("properties");
        properties.putObject("type").put("const", type);
        for (String operand : operands) {
            node.withArray("required").add(operand);
            properties.set(operand, ref("expression"));
        }
        return node;
    }

    private static ObjectNode risk() {
        ObjectNode risk = object(MAPPER.createObjectNode(), List.of());
        ObjectNode properties = risk.putObject("properties");
        ObjectNode stop = object(properties.putObject("stop_loss"), List.of()).putObject("properties");
        stop.set("percent", range(0, 100));
        stop.set("atr_multiple", range(0, 100));
        stop.putObject("atr_period").put("type", "integer").put("minimum", 1).put("maximum", 5000);
        ObjectNode target = object(properties.putObject("take_profit"), List.of()).putObject("properties");
        target.set("percent", range(0, 10_000));
        target.set("r_multiple", range(0, 100));
        object(properties.putObject("trailing_stop"), List.of("percent")).putObject("properties")
                .set("percent", range(0, 100));
        properties.putObject("max_bars").put("type", "integer").put("minimum", 1);
        return risk;
    }

    private static ObjectNode sizing() {
        ObjectNode sizing = object(MAPPER.createObjectNode(), List.of());
        ObjectNode properties = sizing.putObject("properties");
        properties.set("fraction_of_equity", range(0, 1));
        properties.set("risk_per_trade", range(0, 1));
        return sizing;
    }

    private static ObjectNode costs() {
        ObjectNode costs = object(MAPPER.createObjectNode(), List.of());
        ObjectNode properties = costs.putObject("properties");
        properties.putObject("commission_bps").put("type", "number").put("minimum", 0).put("maximum", 1000);
        properties.putObject("slippage_bps").put("type", "number").put("minimum", 0).put("maximum", 1000);
        return costs;
    }

    private static ObjectNode range(double exclusiveMin, double max) {
        return MAPPER.createObjectNode().put("type", "number").put("exclusiveMinimum", exclusiveMin).put("maximum", max);
    }

    private static ObjectNode object(ObjectNode node, List<String> required) {
        node.put("type", "object").put("additionalProperties", false);
        if (!required.isEmpty()) {
            ArrayNode array = node.putArray("required");
            required.forEach(array::add);
        }
        return node;
    }

    private static void enumOf(ObjectNode node, String... values) {
        ArrayNode array = node.putArray("enum");
        for (String value : values) {
            array.add(value);
        }
    }

    private static ObjectNode ref(String def) {
        return MAPPER.createObjectNode().put("$ref", "#/$defs/" + def);
    }
}
