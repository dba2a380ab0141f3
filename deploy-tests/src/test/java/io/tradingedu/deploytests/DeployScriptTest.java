package io.tradingedu.deploytests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/k8s/deploy.sh without a cluster: it refuses before touching anything when a secret is missing, renders the
 * overlay with the owner and tag it is given, and, against a recording kubectl that answers like a cluster (the real
 * kubectl renders and builds the Secrets, which needs no server), applies, waits, runs the smoke test and rolls every
 * Deployment back to the revision it had when the smoke test fails. No secret value ever appears on a command line.
 */
class DeployScriptTest {

    private static final String DB_PASSWORD = "db-password-0123456789";
    private static final String SERVICE_TOKEN = "service-token-0123456789abcdef";
    private static final String ADMIN_KEY = "te_" + "A".repeat(40) + "b-_";

    @TempDir
    Path dir;
    private Path calls;

    @BeforeEach
    void recordingKubectl() throws IOException {
        calls = dir.resolve("calls.log");
        // A cluster in a script: every Deployment is at revision 3 until manifests are applied (then 4); rollout undo
        // goes back to the revision asked for. kustomize and client-side secret building run the real kubectl.
        executable(dir.resolve("kubectl"), """
                #!/usr/bin/env bash
                printf '%%s\\n' "$*" >> "%1$s/calls.log"
                args=("$@"); [ "$1" = -n ] && shift 2
                case "$1" in
                  kustomize) exec "%2$s" "$@" ;;
                  create) exec "%2$s" "${args[@]}" ;;
                  apply)
                    if [ "$3" = - ]; then cat >> "%1$s/applied-secrets.yaml"
                    else cp "$3" "%1$s/applied.yaml"; fi ;;
                  get)
                    if [ "$2" = deployment ]; then
                      if [ -f "%1$s/undone-$3" ]; then cat "%1$s/undone-$3"
                      elif [ -f "%1$s/applied.yaml" ]; then echo 4; else echo 3; fi
                    fi ;;
                  rollout)
                    case "$2" in
                      status) exit "${ROLLOUT_EXIT:-0}" ;;
                      undo) echo "${4#--to-revision=}" > "%1$s/undone-${3#deployment/}" ;;
                    esac ;;
                esac
                exit 0
                """.formatted(dir, Kubectl.path()));
        executable(dir.resolve("smoke.sh"), """
                #!/usr/bin/env bash
                printf '%%s %%s\\n' "$SMOKE_BASE_URL" "$SMOKE_API_KEY" > "%s/smoke.ran"
                exit "${SMOKE_EXIT:-0}"
                """.formatted(dir));
    }

    @Test
    void refusesBeforeTouchingTheClusterWhenASecretIsMissing() throws IOException {
        Map<String, String> env = secrets();
        env.remove("TE_EMBEDDINGS_DB_PASSWORD");
        env.put("SERVICE_TOKEN", "short");

        Kubectl.Result result = deploy(env, "staging", "abc123");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("TE_EMBEDDINGS_DB_PASSWORD is not set",
                "SERVICE_TOKEN is shorter than 24 characters", "refusing to deploy to staging");
        assertThat(calls).doesNotExist();
    }

    @Test
    void refusesLatestInProduction() {
        Kubectl.Result result = deploy(secrets(), "production", "latest");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("never 'latest'");
        assertThat(calls).doesNotExist();
    }

    @Test
    void rendersTheOverlayWithTheOwnerTagAndHostItIsGivenAndTheImageTagOfAGitTag() {
        Map<String, String> env = new HashMap<>(Map.of("PUBLIC_HOST", "edu.example.net", "GITHUB_REPOSITORY_OWNER",
                "Acme-Org", "DEPLOY_RENDER_ONLY", "1", "KUBECTL", Kubectl.path()));

        Kubectl.Result result = deploy(env, "production", "v1.4.0");

        assertThat(result.exit()).as(result.err()).isZero();
        for (String service : List.of("api", "orchestrator", "embeddings", "backtesting")) {
            // CI publishes the git tag v1.4.0 as the image 1.4.0
            assertThat(result.out()).contains("image: ghcr.io/acme-org/tradingedu-" + service + "-service:1.4.0");
        }
        assertThat(result.out()).doesNotContain("ghcr.io/OWNER", "tradingedu.example.org")
                .contains("host: edu.example.net", "BACKTESTING_PUBLIC_URL: https://edu.example.net/backtest");
    }

    @Test
    void appliesWaitsAndRunsTheSmokeTestWithoutRollingBack() throws IOException {
        Kubectl.Result result = deploy(secrets(), "staging", "abc123");

        assertThat(result.exit()).as(result.err()).isZero();
        String log = Files.readString(calls);
        assertThat(log).contains("-n tradingedu-staging delete job tradingedu-db-roles --ignore-not-found",
                "wait --for=condition=Ready cluster.postgresql.cnpg.io/tradingedu-db",
                "wait --for=condition=Ready kafkatopic -l strimzi.io/cluster=tradingedu-kafka",
                "wait --for=condition=Complete job/tradingedu-db-roles",
                "rollout status deployment/orchestrator-worker").doesNotContain("rollout undo");
        assertThat(Files.readString(dir.resolve("smoke.ran")))
                .isEqualTo("https://staging.edu.example.net " + ADMIN_KEY + "\n");
        assertThat(Files.readString(dir.resolve("applied.yaml"))).contains("image: ghcr.io/acme/tradingedu-api-service:abc123");
        assertThat(Files.readString(dir.resolve("applied-secrets.yaml"))).contains("name: tradingedu-db-te-api",
                "name: tradingedu-db-te-backtesting", "name: tradingedu-service-token", "name: tradingedu-admin-key",
                "name: tradingedu-tls", "type: kubernetes.io/basic-auth",
                java.util.Base64.getEncoder().encodeToString(DB_PASSWORD.getBytes()));
        assertThat(log).as("secrets reach kubectl through files, never its command line")
                .doesNotContain(DB_PASSWORD, SERVICE_TOKEN, ADMIN_KEY, "BEGIN CERTIFICATE");
    }

    @Test
    void aChangedSecretChangesThePodTemplatesOfTheDeploymentsThatReadIt() throws IOException {
        assertThat(deploy(secrets(), "staging", "abc123").exit()).isZero();
        String first = Files.readString(dir.resolve("applied.yaml"));
        assertThat(deploy(secrets(), "staging", "abc123").exit()).isZero();
        String same = Files.readString(dir.resolve("applied.yaml"));
        Map<String, String> changed = secrets();
        changed.put("SERVICE_TOKEN", SERVICE_TOKEN + "-rotated");
        assertThat(deploy(changed, "staging", "abc123").exit()).isZero();
        String rotated = Files.readString(dir.resolve("applied.yaml"));

        List<String> digests = digests(first);
        assertThat(digests).as("api, orchestrator, orchestrator-worker, embeddings, backtesting").hasSize(5)
                .allMatch(d -> d.matches("[0-9a-f]{64}")).containsOnly(digests.getFirst());
        assertThat(digests(same)).isEqualTo(digests);
        assertThat(digests(rotated).getFirst()).isNotEqualTo(digests.getFirst());
        assertThat(first).doesNotContain(SERVICE_TOKEN, DB_PASSWORD, ADMIN_KEY);
    }

    @Test
    void registryCredentialsBecomeAPullSecretThatEveryPodNames() throws IOException {
        Map<String, String> env = secrets();
        env.put("REGISTRY_USERNAME", "acme-bot");
        env.put("REGISTRY_PASSWORD", "ghp_registrytoken0123");

        Kubectl.Result result = deploy(env, "staging", "abc123");

        assertThat(result.exit()).as(result.err()).isZero();
        String secrets = Files.readString(dir.resolve("applied-secrets.yaml"));
        assertThat(secrets).contains("name: tradingedu-registry", "type: kubernetes.io/dockerconfigjson");
        String config = new String(java.util.Base64.getDecoder().decode(
                find(secrets, "\\.dockerconfigjson: (\\S+)")));
        String auth = java.util.Base64.getEncoder().encodeToString("acme-bot:ghp_registrytoken0123".getBytes());
        assertThat(Overlays.YAML.readTree(config).at("/auths/ghcr.io/auth").asString()).isEqualTo(auth);
        List<tools.jackson.databind.JsonNode> pods = Overlays.parse(Files.readString(dir.resolve("applied.yaml"))).stream()
                .filter(o -> List.of("Deployment", "Job").contains(o.path("kind").asString())).toList();
        assertThat(pods).hasSizeGreaterThanOrEqualTo(7).allSatisfy(workload -> assertThat(
                workload.at("/spec/template/spec/imagePullSecrets/0/name").asString()).isEqualTo("tradingedu-registry"));
        assertThat(Files.readString(calls)).doesNotContain("ghp_registrytoken0123");
    }

    @Test
    void registryCredentialsMustComeInPairs() {
        Map<String, String> env = secrets();
        env.put("REGISTRY_USERNAME", "acme-bot");

        Kubectl.Result result = deploy(env, "staging", "abc123");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("REGISTRY_PASSWORD is not set");
        assertThat(calls).doesNotExist();
    }

    private static List<String> digests(String manifests) {
        List<String> found = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("tradingedu.io/secrets-digest: \"?([0-9a-f]+)")
                .matcher(manifests);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String find(String text, String regex) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in %s", regex, text).isTrue();
        return m.group(1);
    }

    @Test
    void aFailedSmokeTestRollsEveryDeploymentBackToItsRevision() throws IOException {
        Map<String, String> env = secrets();
        env.put("SMOKE_EXIT", "1");

        Kubectl.Result result = deploy(env, "staging", "abc123");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("smoke test failed", "failed and was rolled back");
        String log = Files.readString(calls);
        for (String deployment : List.of("api", "orchestrator", "orchestrator-worker", "embeddings", "backtesting", "redis")) {
            assertThat(log).contains("-n tradingedu-staging rollout undo deployment/" + deployment + " --to-revision=3");
        }
    }

    @Test
    void aRolloutThatNeverBecomesReadyIsRolledBackWithoutASmokeTest() throws IOException {
        Map<String, String> env = secrets();
        env.put("ROLLOUT_EXIT", "1");

        Kubectl.Result result = deploy(env, "staging", "abc123");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(Files.readString(calls)).contains("rollout undo deployment/api --to-revision=3");
        assertThat(dir.resolve("smoke.ran")).doesNotExist();
    }

    private Kubectl.Result deploy(Map<String, String> env, String environment, String tag) {
        Map<String, String> all = new HashMap<>(env);
        all.putIfAbsent("KUBECTL", dir.resolve("kubectl").toString());
        all.putIfAbsent("SMOKE_SCRIPT", dir.resolve("smoke.sh").toString());
        all.putIfAbsent("ROLLOUT_TIMEOUT", "5s");
        List<String> command = List.of("env", "-u", "KUBECONFIG", "-u", "SMOKE_API_KEY", "-u", "SMOKE_BASE_URL",
                "-u", "IMAGE_OWNER", "-u", "IMAGE_PREFIX", "-u", "TLS_SECRET_EXTERNAL", "bash",
                DeployPaths.K8S.resolve("deploy.sh").toString(), environment, tag);
        // what the caller does not set is unset, whatever the machine's environment holds
        for (String name : List.of("TE_API_DB_PASSWORD", "TE_ORCHESTRATOR_DB_PASSWORD", "TE_EMBEDDINGS_DB_PASSWORD",
                "TE_BACKTESTING_DB_PASSWORD", "SERVICE_TOKEN", "SECURITY_BOOTSTRAP_ADMIN_KEY", "TLS_CERTIFICATE",
                "TLS_CERTIFICATE_KEY", "PUBLIC_HOST", "GITHUB_REPOSITORY_OWNER", "DEPLOY_RENDER_ONLY", "SMOKE_EXIT",
                "ROLLOUT_EXIT", "REGISTRY_USERNAME", "REGISTRY_PASSWORD")) {
            all.putIfAbsent(name, "");
        }
        return Kubectl.run(command, all);
    }

    private static Map<String, String> secrets() {
        Map<String, String> env = new HashMap<>();
        for (String role : List.of("API", "ORCHESTRATOR", "EMBEDDINGS", "BACKTESTING")) {
            env.put("TE_" + role + "_DB_PASSWORD", DB_PASSWORD);
        }
        env.put("SERVICE_TOKEN", SERVICE_TOKEN);
        env.put("SECURITY_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY);
        env.put("TLS_CERTIFICATE", TestCertificate.CERTIFICATE);
        env.put("TLS_CERTIFICATE_KEY", TestCertificate.KEY);
        env.put("PUBLIC_HOST", "staging.edu.example.net");
        env.put("GITHUB_REPOSITORY_OWNER", "acme");
        return env;
    }

    private static void executable(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }
}
