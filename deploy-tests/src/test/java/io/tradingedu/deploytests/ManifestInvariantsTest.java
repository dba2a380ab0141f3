package io.tradingedu.deploytests;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * What must hold in every rendered overlay, whatever else changes: probes, limits and a locked-down security context
 * on every container; a PodDisruptionBudget that means something in production; a KafkaTopic and a dead-letter topic
 * for every topic the code names; a NetworkPolicy for every service; no {@code latest} image in production; the
 * edge's limits as nginx/nginx.conf states them.
 */
class ManifestInvariantsTest {

    /** A topic name in the code: dotted, lower case, ending in a version (media.events.v1). */
    private static final Pattern TOPIC_LITERAL = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+\\.v\\d+)\"");

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void everyContainerHasProbesLimitsAndARestrictedSecurityContext(String overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode workload : workloads(overlay)) {
            JsonNode pod = workload.at("/spec/template/spec");
            boolean isJob = "Job".equals(workload.path("kind").asString());
            for (JsonNode container : pod.path("containers")) {
                String where = Overlays.name(workload) + " container " + container.path("name").asString();
                if (!isJob && (container.path("livenessProbe").isMissingNode() || container.path("readinessProbe").isMissingNode())) {
                    problems.add(where + ": needs a liveness and a readiness probe");
                }
                JsonNode limits = container.at("/resources/limits");
                if (limits.path("cpu").isMissingNode() || limits.path("memory").isMissingNode()) {
                    problems.add(where + ": needs CPU and memory limits");
                }
                if (container.at("/resources/requests/memory").isMissingNode()) {
                    problems.add(where + ": needs a memory request");
                }
                boolean nonRoot = pod.at("/securityContext/runAsNonRoot").asBoolean(false)
                        || container.at("/securityContext/runAsNonRoot").asBoolean(false);
                if (!nonRoot) {
                    problems.add(where + ": must run as non-root (runAsNonRoot)");
                }
                JsonNode security = container.path("securityContext");
                if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                    problems.add(where + ": must not allow privilege escalation");
                }
                if (!security.at("/capabilities/drop").toString().contains("\"ALL\"")) {
                    problems.add(where + ": must drop ALL capabilities");
                }
                if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                    problems.add(where + ": root file system must be read-only");
                }
                if (!"RuntimeDefault".equals(pod.at("/securityContext/seccompProfile/type").asString())) {
                    problems.add(where + ": needs the RuntimeDefault seccomp profile");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theApplicationsRunAsTheImagesUser() {
        for (JsonNode deployment : Overlays.ofKind("production", "Deployment")) {
            if (isApplication(deployment)) {
                assertThat(deployment.at("/spec/template/spec/securityContext/runAsUser").asInt())
                        .as("%s runs as the Dockerfile's user app (uid 10001)", Overlays.name(deployment))
                        .isEqualTo(10001);
                assertThat(deployment.at("/spec/template/spec/automountServiceAccountToken").asBoolean(true))
                        .as("%s needs no API token", Overlays.name(deployment)).isFalse();
            }
        }
    }

    @Test
    void everyDeploymentHasAMeaningfulDisruptionBudgetInProduction() {
        List<JsonNode> budgets = Overlays.ofKind("production", "PodDisruptionBudget");
        for (JsonNode deployment : Overlays.ofKind("production", "Deployment")) {
            JsonNode labels = deployment.at("/spec/template/metadata/labels");
            List<JsonNode> matching = budgets.stream().filter(b -> selects(b.at("/spec/selector"), labels)).toList();
            assertThat(matching).as("PodDisruptionBudgets of %s", Overlays.name(deployment)).hasSize(1);
            if (!isApplication(deployment)) {
                continue;
            }
            int replicas = replicas(deployment);
            JsonNode budget = matching.getFirst().path("spec");
            assertThat(replicas).as("replicas of %s", Overlays.name(deployment)).isGreaterThanOrEqualTo(2);
            int mayBeDown = budget.has("maxUnavailable") ? budget.path("maxUnavailable").asInt()
                    : replicas - budget.path("minAvailable").asInt();
            assertThat(mayBeDown).as("pods of %s a drain may take at once", Overlays.name(deployment))
                    .isBetween(1, replicas - 1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void everyTopicTheCodeUsesHasAKafkaTopicAndADeadLetterTopic(String overlay) {
        Set<String> declared = new TreeSet<>();
        for (JsonNode topic : Overlays.ofKind(overlay, "KafkaTopic")) {
            declared.add(topic.at("/spec/topicName").asString());
            assertThat(topic.at("/metadata/labels/strimzi.io~1cluster").asString()).isEqualTo("tradingedu-kafka");
        }
        Set<String> used = topicsTheCodeUses();

        assertThat(used).contains("market-data.changed.v1", Topics.MEDIA_EVENTS, Topics.RUN_EVENTS,
                PipelineStage.BACKTEST.commandsTopic());
        for (String topic : used) {
            assertThat(declared).as("KafkaTopics of %s", overlay).contains(topic, Topics.deadLetterTopic(topic));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void everyServiceIsSelectedByANetworkPolicyUnderDefaultDeny(String overlay) {
        List<JsonNode> policies = Overlays.ofKind(overlay, "NetworkPolicy");
        assertThat(policies).anySatisfy(p -> {
            assertThat(p.at("/spec/podSelector").size()).as("empty selector: every pod").isZero();
            assertThat(p.at("/spec/policyTypes").toString()).contains("Ingress", "Egress");
            assertThat(p.at("/spec/ingress").isMissingNode() && p.at("/spec/egress").isMissingNode()).isTrue();
        });
        for (JsonNode deployment : Overlays.ofKind(overlay, "Deployment")) {
            JsonNode labels = deployment.at("/spec/template/metadata/labels");
            assertThat(policies).as("NetworkPolicies with a selector of their own for %s", Overlays.name(deployment))
                    .anyMatch(p -> p.at("/spec/podSelector").size() > 0 && selects(p.at("/spec/podSelector"), labels));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void onlyTheIngressControllerAndApiReachTheServices(String overlay) {
        for (String service : List.of("api", "embeddings", "backtesting", "orchestrator")) {
            JsonNode policy = Overlays.ofKind(overlay, "NetworkPolicy").stream()
                    .filter(p -> service.equals(p.at("/metadata/name").asString())).findFirst().orElseThrow();
            String peers = policy.at("/spec/ingress").toString();
            if (service.equals("orchestrator")) {
                assertThat(peers).doesNotContain("ingress-nginx").contains("\"app.kubernetes.io/name\":\"api\"");
            } else {
                assertThat(peers).contains("ingress-nginx");
            }
        }
    }

    @Test
    void productionImagesCarryAnExplicitTagThatIsNotLatest() {
        for (JsonNode workload : workloads("production")) {
            for (JsonNode container : workload.at("/spec/template/spec/containers")) {
                String image = container.path("image").asString();
                String tag = image.contains("@") ? "digest" : image.substring(image.lastIndexOf('/') + 1).contains(":")
                        ? image.substring(image.lastIndexOf(':') + 1) : "";
                assertThat(tag).as("tag of %s in %s", image, Overlays.name(workload)).isNotEmpty().isNotEqualTo("latest");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void noSecretIsCommitted(String overlay) {
        assertThat(Overlays.ofKind(overlay, "Secret")).as("Secrets come from deploy.sh, never from the repository")
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void theWorkersScaleOnTheLagOfEveryStageTheyServe(String overlay) {
        JsonNode scaled = Overlays.ofKind(overlay, "ScaledObject").getFirst();
        assertThat(scaled.at("/spec/scaleTargetRef/name").asString()).isEqualTo("orchestrator-worker");
        Set<String> groups = workerConsumerGroups();
        Set<String> topics = new TreeSet<>();
        String namespace = scaled.at("/metadata/namespace").asString();
        for (JsonNode trigger : scaled.at("/spec/triggers")) {
            assertThat(trigger.path("type").asString()).isEqualTo("kafka");
            assertThat(trigger.at("/metadata/bootstrapServers").asString())
                    .as("KEDA's operator pod resolves the bootstrap Service by its namespaced name")
                    .isEqualTo("tradingedu-kafka-kafka-bootstrap." + namespace + ".svc:9092");
            assertThat(groups).as("consumer groups of the orchestrator's workers").contains(
                    trigger.at("/metadata/consumerGroup").asString());
            topics.add(trigger.at("/metadata/topic").asString());
        }
        List<String> orchestratorStages = Stream.of(PipelineStage.values())
                .filter(s -> s != PipelineStage.EMBEDDINGS && s != PipelineStage.BACKTEST)
                .map(PipelineStage::commandsTopic).toList();
        assertThat(topics).containsExactlyInAnyOrderElementsOf(orchestratorStages);
        int partitions = Overlays.ofKind(overlay, "KafkaTopic").stream()
                .filter(t -> topics.contains(t.at("/spec/topicName").asString()))
                .mapToInt(t -> t.at("/spec/partitions").asInt()).min().orElseThrow();
        assertThat(scaled.at("/spec/maxReplicaCount").asInt()).as("more workers than partitions would idle")
                .isLessThanOrEqualTo(partitions);
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void theServicesLeaveTopicCreationToTheTopicOperator(String overlay) {
        JsonNode config = Overlays.ofKind(overlay, "ConfigMap").stream()
                .filter(c -> c.at("/metadata/name").asString().startsWith("tradingedu-config")).findFirst().orElseThrow();
        // spring.kafka.admin.auto-create in the form Spring binds from the environment (no dash)
        assertThat(config.at("/data/SPRING_KAFKA_ADMIN_AUTOCREATE").asString()).isEqualTo("false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void uploadsAreStagedOnTheMediaVolumeNotInTmp(String overlay) {
        JsonNode api = Overlays.ofKind(overlay, "Deployment").stream()
                .filter(d -> "api".equals(d.at("/metadata/name").asString())).findFirst().orElseThrow();
        JsonNode container = api.at("/spec/template/spec/containers/0");
        String location = env(container, "SPRING_SERVLET_MULTIPART_LOCATION");
        assertThat(location).as("where Tomcat writes an upload's part").isNotEmpty();
        JsonNode mount = mountOf(container, location);
        String claim = "";
        for (JsonNode volume : api.at("/spec/template/spec/volumes")) {
            if (volume.path("name").asString().equals(mount.path("name").asString())) {
                claim = volume.at("/persistentVolumeClaim/claimName").asString();
            }
        }
        assertThat(claim).as("the volume under %s", location).isEqualTo("tradingedu-media");
        assertThat(mount.path("readOnly").asBoolean(false)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void theWorkersHeapLeavesHalfTheLimitToTheMediaTools(String overlay) throws IOException {
        JsonNode worker = Overlays.ofKind(overlay, "Deployment").stream()
                .filter(d -> "orchestrator-worker".equals(d.at("/metadata/name").asString())).findFirst().orElseThrow();
        assertThat(env(worker.at("/spec/template/spec/containers/0"), "JAVA_TOOL_OPTIONS"))
                .contains("-XX:MaxRAMPercentage=50");
        // a flag on the java command line would beat JAVA_TOOL_OPTIONS, and the setting above would do nothing
        String entrypoint = find(Files.readString(DeployPaths.REPO.resolve("Dockerfile")), "\\nENTRYPOINT ([^\\n]*)");
        assertThat(entrypoint).doesNotContain("MaxRAMPercentage");
    }

    @Test
    void theIngressesKeepNginxConfsLimits() throws IOException {
        String nginx = Files.readString(DeployPaths.REPO.resolve("nginx/nginx.conf"));
        Map<String, JsonNode> ingresses = new java.util.HashMap<>();
        Overlays.ofKind("production", "Ingress").forEach(i -> ingresses.put(i.at("/metadata/name").asString(), i));

        assertThat(annotation(ingresses.get("tradingedu-api"), "limit-rps")).isEqualTo(rate(nginx, "api"));
        assertThat(annotation(ingresses.get("tradingedu-backtest"), "limit-rps")).isEqualTo(rate(nginx, "api"));
        assertThat(annotation(ingresses.get("tradingedu-embeddings"), "limit-rps")).isEqualTo(rate(nginx, "embeddings"));
        assertThat(annotation(ingresses.get("tradingedu-api"), "proxy-body-size"))
                .isEqualTo(find(nginx, "\\n    client_max_body_size (\\S+);"));
        assertThat(annotation(ingresses.get("tradingedu-api-upload"), "proxy-body-size"))
                .isEqualTo(find(nginx, "location = /api/media_items \\{[^}]*client_max_body_size (\\S+);"));
        assertThat(annotation(ingresses.get("tradingedu-backtest-upload"), "proxy-body-size"))
                .isEqualTo(find(nginx, "location = /backtest/market-data \\{[^}]*client_max_body_size (\\S+);"));
        assertThat(annotation(ingresses.get("tradingedu-api-upload"), "limit-connections"))
                .isEqualTo(find(nginx, "location = /api/media_items \\{[^}]*limit_conn uploads (\\d+);"));
        assertThat(annotation(ingresses.get("tradingedu-api"), "limit-connections"))
                .isEqualTo(find(nginx, "\\n        limit_conn addr (\\d+);"));
        // burst = rps x multiplier, as nginx.conf's burst=20 for 10 r/s and burst=10 for 5 r/s
        assertThat(Integer.parseInt(annotation(ingresses.get("tradingedu-api"), "limit-rps"))
                * Integer.parseInt(annotation(ingresses.get("tradingedu-api"), "limit-burst-multiplier")))
                .isEqualTo(Integer.parseInt(find(nginx, "location /api/ \\{[^}]*burst=(\\d+)")));
        assertThat(Integer.parseInt(annotation(ingresses.get("tradingedu-embeddings"), "limit-rps"))
                * Integer.parseInt(annotation(ingresses.get("tradingedu-embeddings"), "limit-burst-multiplier")))
                .isEqualTo(Integer.parseInt(find(nginx, "location /embeddings/ \\{[^}]*burst=(\\d+)")));
        assertThat(annotation(ingresses.get("tradingedu-api-upload"), "proxy-request-buffering")).isEqualTo("off");
        assertThat(annotation(ingresses.get("tradingedu-embeddings-operators"), "denylist-source-range"))
                .contains("0.0.0.0/0");
    }

    @Test
    void theIngressesServeTheDashboardAsNginxConfDoes() throws IOException {
        String nginx = Files.readString(DeployPaths.REPO.resolve("nginx/nginx.conf"));
        Map<String, JsonNode> ingresses = new java.util.HashMap<>();
        Overlays.ofKind("production", "Ingress").forEach(i -> ingresses.put(i.at("/metadata/name").asString(), i));
        JsonNode ui = ingresses.get("tradingedu-api-ui");

        assertThat(annotation(ui, "app-root")).as("/ redirects where nginx.conf's location = / does")
                .isEqualTo(find(nginx, "location = / \\{[^}]*return 302 (\\S+);"));
        assertThat(annotation(ui, "limit-rps")).isEqualTo(rate(nginx, "ui"));
        assertThat(Integer.parseInt(annotation(ui, "limit-rps")) * Integer.parseInt(annotation(ui, "limit-burst-multiplier")))
                .isEqualTo(Integer.parseInt(find(nginx, "location /api/ui/ \\{[^}]*burst=(\\d+)")));
        assertThat(annotation(ui, "x-forwarded-prefix")).isEqualTo(find(nginx, "location /api/ui/ \\{[^}]*set \\$forwarded_prefix (\\S+);"));
        // ingress-nginx tries regex locations longest first: the dashboard's must come before /api's catch-all
        assertThat(path(ui).length()).isGreaterThan(path(ingresses.get("tradingedu-api")).length());
        assertThat("/api/ui/assets/api.js").matches(path(ui) + ".*");

        JsonNode events = ingresses.get("tradingedu-api-events");
        assertThat("/api/media_items/events").matches(path(events));
        assertThat(annotation(events, "proxy-buffering")).as("a server-sent-event stream must not be buffered")
                .isEqualTo("off");
        assertThat(Integer.parseInt(annotation(events, "proxy-read-timeout"))).as("outlives 60 s timeouts by far")
                .isGreaterThanOrEqualTo(600);
        assertThat(annotation(events, "limit-rps")).isEqualTo(rate(nginx, "api"));
    }

    private static String path(JsonNode ingress) {
        return ingress.at("/spec/rules/0/http/paths/0/path").asString();
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (name.equals(variable.path("name").asString())) {
                return variable.path("value").asString();
            }
        }
        return "";
    }

    /** The volume mount a path lies under. */
    private static JsonNode mountOf(JsonNode container, String path) {
        for (JsonNode mount : container.path("volumeMounts")) {
            String at = mount.path("mountPath").asString();
            if (path.equals(at) || path.startsWith(at + "/")) {
                return mount;
            }
        }
        throw new AssertionError(path + " is on no volume of " + container.path("name").asString());
    }

    private static String annotation(JsonNode ingress, String name) {
        return ingress.at("/metadata/annotations").path("nginx.ingress.kubernetes.io/" + name).asString();
    }

    private static String rate(String nginx, String zone) {
        return find(nginx, "zone=" + zone + ":\\S+ rate=(\\d+)r/s");
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        assertThat(m.find()).as("nginx.conf has %s", regex).isTrue();
        return m.group(1);
    }

    private static List<JsonNode> workloads(String overlay) {
        List<JsonNode> all = new ArrayList<>(Overlays.ofKind(overlay, "Deployment"));
        all.addAll(Overlays.ofKind(overlay, "Job"));
        return all;
    }

    private static boolean isApplication(JsonNode deployment) {
        String component = deployment.at("/spec/template/metadata/labels/app.kubernetes.io~1component").asString();
        return component.equals("service") || component.equals("worker");
    }

    /** A Deployment's replicas; the worker's come from its ScaledObject's minimum (KEDA owns the field). */
    private static int replicas(JsonNode deployment) {
        if (deployment.at("/spec/replicas").isMissingNode()) {
            String name = deployment.at("/metadata/name").asString();
            return Overlays.ofKind("production", "ScaledObject").stream()
                    .filter(s -> name.equals(s.at("/spec/scaleTargetRef/name").asString()))
                    .mapToInt(s -> s.at("/spec/minReplicaCount").asInt()).findFirst().orElse(1);
        }
        return deployment.at("/spec/replicas").asInt();
    }

    /** matchLabels and In/NotIn/Exists matchExpressions, as Kubernetes evaluates a label selector. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        for (Map.Entry<String, JsonNode> required : selector.path("matchLabels").properties()) {
            if (!required.getValue().asString().equals(labels.path(required.getKey()).asString(null))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.path(expression.path("key").asString()).asString(null);
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(v -> values.add(v.asString()));
            boolean ok = switch (expression.path("operator").asString()) {
                case "In" -> values.contains(value);
                case "NotIn" -> !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The stage topics, the shared topics, and every other topic name written in the services' main sources. */
    static Set<String> topicsTheCodeUses() {
        Set<String> topics = new TreeSet<>(List.of(Topics.MEDIA_EVENTS, Topics.RUN_EVENTS));
        for (PipelineStage stage : PipelineStage.values()) {
            topics.add(stage.commandsTopic());
            topics.add(stage.eventsTopic());
        }
        for (String source : mainSources()) {
            Matcher m = TOPIC_LITERAL.matcher(source);
            while (m.find()) {
                topics.add(m.group(1));
            }
        }
        return topics;
    }

    private static Set<String> workerConsumerGroups() {
        Set<String> groups = new TreeSet<>();
        Pattern consumer = Pattern.compile("static final String CONSUMER = \"([a-z0-9-]+)\"");
        try (Stream<Path> files = Files.walk(DeployPaths.REPO.resolve("orchestrator-service/src/main/java"))) {
            files.filter(p -> p.toString().endsWith("Worker.java")).forEach(p -> {
                Matcher m = consumer.matcher(read(p));
                if (m.find()) {
                    groups.add(m.group(1));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(groups).as("the orchestrator's worker consumer groups").hasSizeGreaterThanOrEqualTo(8);
        return groups;
    }

    private static List<String> mainSources() {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(DeployPaths.REPO)) {
            for (Path main : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    files.filter(p -> p.toString().endsWith(".java")).forEach(p -> sources.add(read(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(sources).as("main sources found under " + DeployPaths.REPO).hasSizeGreaterThan(100);
        return sources;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
