package io.tradingedu.orchestrator.keywords;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the lexicon JSON, naming the term and field of every problem instead of failing on the first one. */
final class LexiconReader {

    record Parsed(String version, List<LexiconTerm> terms) {
    }

    private static final Set<String> TOP_FIELDS = Set.of("version", "description", "terms");
    private static final Set<String> TERM_FIELDS =
            Set.of("term", "category", "weight", "aliases", "abbreviations", "variants");
    /** A term without a weight counts as moderately central. */
    static final double DEFAULT_WEIGHT = 0.5;

    private LexiconReader() {
    }

    static Parsed parse(InputStream json, String origin) {
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("invalid trading lexicon " + origin + ": not JSON ("
                    + e.getOriginalMessage() + ")", e);
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("invalid trading lexicon " + origin + ": the root must be an object");
        }
        root.propertyNames().stream().filter(f -> !TOP_FIELDS.contains(f))
                .forEach(f -> problems.add("unknown field \"" + f + "\""));
        JsonNode version = root.get("version");
        JsonNode terms = root.get("terms");
        if (terms == null || !terms.isArray()) {
            problems.add("\"terms\" must be an array");
        }
        List<LexiconTerm> parsed = new ArrayList<>();
        if (terms != null && terms.isArray()) {
            int index = 0;
            for (JsonNode node : terms.values()) {
                LexiconTerm term = term(node, index++, problems);
                if (term != null) {
                    parsed.add(term);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "invalid trading lexicon " + origin + ": " + String.join("; ", problems));
        }
        return new Parsed(version != null && version.isString() ? version.stringValue() : null, parsed);
    }

    private static LexiconTerm term(JsonNode node, int index, List<String> problems) {
        if (!node.isObject()) {
            problems.add("terms[" + index + "] is not an object");
            return null;
        }
        JsonNode name = node.get("term");
        String where = name != null && name.isString() ? "term \"" + name.stringValue() + "\"" : "terms[" + index + "]";
        int before = problems.size();
        node.propertyNames().stream().filter(f -> !TERM_FIELDS.contains(f))
                .forEach(f -> problems.add(where + ": unknown field \"" + f + "\""));
        if (name == null || !name.isString()) {
            problems.add(where + ": \"term\" must be a string");
        }
        JsonNode categoryNode = node.get("category");
        KeywordCategory category = categoryNode != null && categoryNode.isString()
                ? KeywordCategory.fromId(categoryNode.stringValue()).orElse(null) : null;
        if (category == null) {
            problems.add(where + ": unknown category " + categoryNode);
        }
        JsonNode weightNode = node.get("weight");
        if (weightNode != null && !weightNode.isNumber()) {
            problems.add(where + ": \"weight\" must be a number");
        }
        List<String> aliases = strings(node, "aliases", where, problems);
        List<String> abbreviations = strings(node, "abbreviations", where, problems);
        List<String> variants = strings(node, "variants", where, problems);
        if (problems.size() > before) {
            return null;
        }
        double weight = weightNode == null ? DEFAULT_WEIGHT : weightNode.doubleValue();
        return new LexiconTerm(name.stringValue(), category, weight, aliases, abbreviations, variants);
    }

    private static List<String> strings(JsonNode term, String field, String where, List<String> problems) {
        JsonNode node = term.get(field);
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.add(where + ": \"" + field + "\" must be an array of strings");
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : node.values()) {
            if (value.isString()) {
                values.add(value.stringValue());
            } else {
                problems.add(where + ": \"" + field + "\" holds a non-string " + value);
            }
        }
        return values;
    }
}
