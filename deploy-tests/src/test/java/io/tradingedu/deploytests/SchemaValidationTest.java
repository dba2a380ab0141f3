package io.tradingedu.deploytests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every rendered object passes its schema, offline: the built-in kinds and KEDA's ScaledObject the Kubernetes OpenAPI
 * schemas (validate-schemas.cjs), Strimzi's kinds the CRDs Strimzi generates from its model. CloudNativePG's Cluster
 * has no schema package in any registry reachable here and is the one kind left unchecked (docs/kubernetes.md).
 * The negative cases show that each validator refuses what the API server would.
 */
class SchemaValidationTest {

    private static final Set<String> UNCHECKED = Set.of("Cluster");

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void everyRenderedObjectPassesItsSchema(String overlay) {
        List<JsonNode> objects = Overlays.objects(overlay);
        List<SchemaValidator.Verdict> verdicts = SchemaValidator.check(objects);

        assertThat(verdicts).filteredOn(v -> v.status().equals("invalid")).isEmpty();
        for (int i = 0; i < objects.size(); i++) {
            JsonNode object = objects.get(i);
            String kind = object.path("kind").asString();
            if (StrimziSchemas.covers(kind)) {
                assertThat(StrimziSchemas.validate(object)).as(Overlays.name(object)).isEmpty();
            } else if (!UNCHECKED.contains(kind)) {
                assertThat(verdicts.get(i).status()).as(Overlays.name(object)).isEqualTo("valid");
            }
        }
    }

    @Test
    void theIngressControllersSettingsAreAValidConfigMap() throws java.io.IOException {
        List<JsonNode> objects = Overlays.parse(java.nio.file.Files.readString(
                DeployPaths.K8S.resolve("ingress-nginx/controller-config.yaml")));

        assertThat(SchemaValidator.check(objects)).extracting(SchemaValidator.Verdict::status).containsExactly("valid");
        assertThat(objects.getFirst().at("/data/limit-req-status-code").asString()).isEqualTo("429");
    }

    @Test
    void theKubernetesSchemasRefuseWrongObjects() {
        ObjectNode deployment = copyOf("Deployment");
        deployment.withObject("/spec").put("replicas", "two");
        ObjectNode noName = copyOf("Deployment");
        ((ObjectNode) noName.at("/spec/template/spec/containers/0")).remove("name");
        ObjectNode service = copyOf("Service");
        ((ObjectNode) service.at("/spec/ports/0")).put("port", "http");
        ObjectNode scaled = copyOf("ScaledObject");
        scaled.withObject("/spec").remove("scaleTargetRef");
        ObjectNode unknownKind = copyOf("Service");
        unknownKind.put("kind", "Servise");

        List<SchemaValidator.Verdict> verdicts = SchemaValidator.check(List.of(deployment, noName, service, scaled,
                unknownKind, firstOfKind("Service")));

        assertThat(verdicts).extracting(SchemaValidator.Verdict::status)
                .containsExactly("invalid", "invalid", "invalid", "invalid", "invalid", "valid");
        assertThat(verdicts.get(0).errors()).anySatisfy(e -> assertThat(e).contains("/spec/replicas", "integer"));
        assertThat(verdicts.get(1).errors()).anySatisfy(e -> assertThat(e).contains("name"));
        assertThat(verdicts.get(3).errors()).anySatisfy(e -> assertThat(e).contains("scaleTargetRef"));
        assertThat(verdicts.get(4).errors()).anySatisfy(e -> assertThat(e).contains("no schema", "Servise"));
    }

    @Test
    void strimzisSchemasRefuseWrongObjects() {
        ObjectNode topic = copyOf("KafkaTopic");
        topic.withObject("/spec").put("partitions", 0);
        ObjectNode typo = copyOf("KafkaTopic");
        typo.withObject("/spec").put("partition", 3);
        ObjectNode listener = copyOf("Kafka");
        ((ObjectNode) listener.at("/spec/kafka/listeners/0")).remove("tls");
        ObjectNode pool = copyOf("KafkaNodePool");
        pool.withObject("/spec").putArray("roles").add("leader");
        ObjectNode oldApi = copyOf("KafkaTopic");
        oldApi.put("apiVersion", "kafka.strimzi.io/v1beta1");

        assertThat(StrimziSchemas.validate(topic)).anySatisfy(e -> assertThat(e).contains("partitions"));
        assertThat(StrimziSchemas.validate(typo)).anySatisfy(e -> assertThat(e).contains("partition"));
        assertThat(StrimziSchemas.validate(listener)).anySatisfy(e -> assertThat(e).contains("tls"));
        assertThat(StrimziSchemas.validate(pool)).anySatisfy(e -> assertThat(e).contains("roles"));
        assertThat(StrimziSchemas.validate(oldApi)).anySatisfy(e -> assertThat(e).contains("not served"));
        // Kafka's config keeps unknown keys: broker settings are not part of the schema
        ObjectNode config = copyOf("Kafka");
        config.withObject("/spec/kafka/config").put("log.retention.hours", 168);
        assertThat(StrimziSchemas.validate(config)).isEmpty();
    }

    private static ObjectNode copyOf(String kind) {
        return (ObjectNode) firstOfKind(kind).deepCopy();
    }

    private static JsonNode firstOfKind(String kind) {
        return Overlays.ofKind("production", kind).getFirst();
    }
}
