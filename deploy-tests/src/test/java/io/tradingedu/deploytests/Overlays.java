package io.tradingedu.deploytests;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The overlays' rendered objects, rendered once per test run. */
final class Overlays {

    static final List<String> NAMES = List.of("staging", "production");
    static final YAMLMapper YAML = YAMLMapper.builder().build();

    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private Overlays() {
    }

    static List<JsonNode> objects(String overlay) {
        return RENDERED.computeIfAbsent(overlay, name -> parse(Kubectl.kustomize(DeployPaths.overlay(name))));
    }

    static List<JsonNode> parse(String yaml) {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            Iterable<JsonNode> iterable = () -> documents;
            return StreamSupport.stream(iterable.spliterator(), false).filter(node -> node != null && node.isObject())
                    .toList();
        }
    }

    static List<JsonNode> ofKind(String overlay, String kind) {
        return objects(overlay).stream().filter(o -> kind.equals(o.path("kind").asString())).toList();
    }

    static String name(JsonNode object) {
        return object.path("kind").asString() + "/" + object.path("metadata").path("name").asString();
    }
}
