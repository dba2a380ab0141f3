package io.tradingedu.orchestrator.strategies.generation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.tradingedu.shared.strategy.InvalidStrategyException;
import io.tradingedu.shared.strategy.StrategyDefinition;
import io.tradingedu.shared.strategy.StrategyJson;
import io.tradingedu.shared.strategy.StrategySchema;
import io.tradingedu.shared.strategy.StrategySyntaxException;
import io.tradingedu.shared.strategy.StrategyValidator;
import io.tradingedu.shared.strategy.Violation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Everything a strategy written by someone else (a model) must pass, in the order that gives the most precise
 * errors: the served JSON Schema (shape, names, parameter ranges), the strict reader (no unknown fields), then the
 * validator (rules that can never be true, no way out of a position, …). Each error names its path.
 */
final class StrategyChecks {

    /** Enough errors to repair from; a reply with more is better rewritten than patched. */
    static final int MAX_ERRORS = 12;
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(StrategySchema.json());

    /** Either the strategy or its errors, each with its path, e.g. {@code entry.left.params.period: must be …}. */
    record Checked(StrategyDefinition strategy, List<String> errors) {

        boolean valid() {
            return strategy != null;
        }
    }

    private StrategyChecks() {
    }

    static Checked check(JsonNode definition) {
        if (definition == null || !definition.isObject()) {
            return new Checked(null, List.of("definition: must be a strategy object"));
        }
        StrategyDefinition strategy;
        try {
            strategy = StrategyJson.fromTree(definition);
        } catch (StrategySyntaxException | InvalidStrategyException e) {
            return new Checked(null, List.of(e.getMessage()));
        }
        List<Violation> violations = StrategyValidator.validate(strategy);
        if (!violations.isEmpty()) {
            return new Checked(null, violations.stream().limit(MAX_ERRORS).map(Violation::toString).toList());
        }
        // What the reader and validator let through but the served schema does not; a oneOf's summary line says
        // less than the branch errors under it, so it is left out.
        Set<String> errors = new LinkedHashSet<>();
        for (Error e : SCHEMA.validate(definition)) {
            if (errors.size() < MAX_ERRORS && !"oneOf".equals(e.getKeyword())) {
                errors.add(dotted(e.getInstanceLocation().toString()) + ": " + e.getMessage());
            }
        }
        return errors.isEmpty() ? new Checked(strategy, List.of()) : new Checked(null, new ArrayList<>(errors));
    }

    /** {@code /entry/conditions/0/left} → {@code entry.conditions[0].left}, the validator's way of writing paths. */
    static String dotted(String pointer) {
        String path = pointer.replaceFirst("^[$#]?/?", "").replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.');
        return path.isEmpty() ? "(strategy)" : path;
    }
}
