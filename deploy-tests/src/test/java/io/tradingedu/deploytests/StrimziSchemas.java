package io.tradingedu.deploytests;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Strimzi's CRD schemas, made by Strimzi's own CRD generator ({@code io.strimzi:crd-generator}) from its API model
 * ({@code io.strimzi:api}), the classes the operator itself reads, both from Maven Central. Objects are checked against
 * each CRD's {@code openAPIV3Schema} strictly: a field the schema does not name is an error, as the API server's
 * strict field validation ({@code kubectl apply --validate=strict}) reports it, except where the schema keeps unknown
 * fields ({@code x-kubernetes-preserve-unknown-fields}, e.g. Kafka's {@code config}).
 */
final class StrimziSchemas {

    /** kind -> the Strimzi API class whose CRD describes it */
    private static final Map<String, String> KINDS = Map.of(
            "Kafka", "io.strimzi.api.kafka.model.kafka.Kafka",
            "KafkaNodePool", "io.strimzi.api.kafka.model.nodepool.KafkaNodePool",
            "KafkaTopic", "io.strimzi.api.kafka.model.topic.KafkaTopic");

    private static Map<String, Schema> schemas;

    private StrimziSchemas() {
    }

    static boolean covers(String kind) {
        return KINDS.containsKey(kind);
    }

    /** The schema's complaints about an object: empty when it is valid. */
    static List<String> validate(JsonNode object) {
        String kind = object.path("kind").asString();
        Schema schema = all().get(kind);
        if (schema == null) {
            return List.of("no Strimzi schema for kind " + kind);
        }
        if (!"kafka.strimzi.io/v1".equals(object.path("apiVersion").asString())) {
            return List.of("apiVersion " + object.path("apiVersion").asString() + " is not served (kafka.strimzi.io/v1)");
        }
        List<String> errors = new ArrayList<>();
        for (Error e : schema.validate(object)) {
            errors.add(e.getInstanceLocation() + ": " + e.getMessage());
        }
        return errors;
    }

    private static synchronized Map<String, Schema> all() {
        if (schemas == null) {
            schemas = generate();
        }
        return schemas;
    }

    private static Map<String, Schema> generate() {
        try {
            Path dir = Files.createTempDirectory("strimzi-crds");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "io.strimzi.crdgenerator.CrdGenerator",
                    "--yaml", "--crd-api-version", "v1", "--api-versions", "v1", "--storage-version", "v1"));
            KINDS.forEach((kind, type) -> command.add(type + "=" + dir.resolve(kind + ".yaml")));
            Kubectl.Result result = Kubectl.run(command);
            if (result.exit() != 0) {
                throw new AssertionError("Strimzi's CRD generator failed: " + result.err());
            }
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
            Map<String, Schema> generated = new java.util.HashMap<>();
            for (String kind : KINDS.keySet()) {
                JsonNode crd = Overlays.YAML.readTree(Files.readString(dir.resolve(kind + ".yaml")));
                JsonNode schema = crd.at("/spec/versions/0/schema/openAPIV3Schema").deepCopy();
                strict(schema);
                generated.put(kind, registry.getSchema(schema));
            }
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** additionalProperties: false wherever the schema names the properties and does not keep unknown ones. */
    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
        }
        // an object's values or an array's elements
        for (JsonNode child : node) {
            strict(child);
        }
    }
}
