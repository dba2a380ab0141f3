package io.tradingedu.deploytests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** {@code kubectl kustomize} renders every overlay into the objects the suite needs, in the overlay's namespace. */
class RenderOverlaysTest {

    private static final Map<String, String> NAMESPACES = Map.of("staging", "tradingedu-staging", "production", "tradingedu");

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void rendersTheWholeSuite(String overlay) {
        Map<String, Long> kinds = Overlays.objects(overlay).stream()
                .collect(Collectors.groupingBy(o -> o.path("kind").asString(), Collectors.counting()));

        assertThat(kinds).containsEntry("Deployment", 6L).containsEntry("PodDisruptionBudget", 6L)
                .containsEntry("Kafka", 1L).containsEntry("KafkaNodePool", 1L).containsEntry("Cluster", 1L)
                .containsEntry("ScaledObject", 1L).containsEntry("PersistentVolumeClaim", 1L)
                .containsEntry("Job", 1L).containsEntry("Namespace", 1L).containsKeys("Ingress", "NetworkPolicy",
                        "Service", "KafkaTopic", "ConfigMap");
        assertThat(Overlays.ofKind(overlay, "Deployment")).extracting(d -> d.path("metadata").path("name").asString())
                .containsExactlyInAnyOrder("api", "orchestrator", "orchestrator-worker", "embeddings", "backtesting",
                        "redis");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void putsEveryObjectIntoTheOverlaysNamespace(String overlay) {
        String namespace = NAMESPACES.get(overlay);
        List<String> elsewhere = Overlays.objects(overlay).stream()
                .filter(o -> !"Namespace".equals(o.path("kind").asString()))
                .filter(o -> !namespace.equals(o.path("metadata").path("namespace").asString()))
                .map(Overlays::name).toList();

        assertThat(elsewhere).as("objects outside %s", namespace).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void setsThePublicHostEverywhereItIsNamed(String overlay) {
        JsonNode config = Overlays.ofKind(overlay, "ConfigMap").stream()
                .filter(c -> c.path("metadata").path("name").asString().startsWith("tradingedu-config-")).findFirst()
                .orElseThrow();
        String host = config.path("data").path("PUBLIC_HOST").asString();

        assertThat(host).isNotBlank().doesNotContain("/");
        assertThat(config.path("data").path("BACKTESTING_PUBLIC_URL").asString()).isEqualTo("https://" + host + "/backtest");
        for (JsonNode ingress : Overlays.ofKind(overlay, "Ingress")) {
            assertThat(ingress.at("/spec/rules/0/host").asString()).as(Overlays.name(ingress)).isEqualTo(host);
            assertThat(ingress.at("/spec/tls/0/hosts/0").asString()).as(Overlays.name(ingress)).isEqualTo(host);
            assertThat(ingress.at("/spec/tls/0/secretName").asString()).isEqualTo("tradingedu-tls");
        }
    }
}
