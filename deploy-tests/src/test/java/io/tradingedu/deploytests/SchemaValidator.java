package io.tradingedu.deploytests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * deploy/k8s/validate-schemas.cjs run by Node over a list of objects: the Kubernetes OpenAPI schemas of the built-in
 * kinds (npm kubernetes-models) and KEDA's (npm @kubernetes-models/keda), installed under
 * {@code $STACK_HOME/tools/k8s-schemas} by {@code deploy/local/stack.sh install}.
 */
final class SchemaValidator {

    static final Path MODULES = DeployPaths.tools().resolve("k8s-schemas/node_modules");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Verdict(String kind, String name, String status, List<String> errors) {
    }

    private SchemaValidator() {
    }

    static List<Verdict> check(List<JsonNode> objects) {
        if (!Files.isDirectory(MODULES.resolve("kubernetes-models"))
                || !Files.isDirectory(MODULES.resolve("@kubernetes-models/keda"))) {
            throw new AssertionError("the schema packages are not in " + MODULES + ": " + DeployPaths.INSTALL_HINT);
        }
        try {
            Path input = Files.createTempFile("objects", ".json");
            try {
                JSON.writeValue(input.toFile(), objects);
                Kubectl.Result result = Kubectl.run(List.of(node(), DeployPaths.K8S.resolve("validate-schemas.cjs").toString(),
                        input.toString()), Map.of("K8S_SCHEMAS_MODULES", MODULES.toString()));
                if (result.exit() > 1) {
                    throw new AssertionError("validate-schemas.cjs failed (exit " + result.exit() + "): " + result.err());
                }
                List<Verdict> verdicts = new ArrayList<>();
                for (String line : result.out().split("\n")) {
                    if (!line.isBlank()) {
                        JsonNode v = JSON.readTree(line);
                        List<String> errors = new ArrayList<>();
                        v.path("errors").forEach(e -> errors.add(e.asString()));
                        verdicts.add(new Verdict(v.path("kind").asString(), v.path("name").asString(),
                                v.path("status").asString(), errors));
                    }
                }
                if (verdicts.size() != objects.size()) {
                    throw new AssertionError("validate-schemas.cjs answered for " + verdicts.size() + " of "
                            + objects.size() + " objects: " + result.err());
                }
                return verdicts;
            } finally {
                Files.deleteIfExists(input);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String node() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "node");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError("node (Node.js) is not on the PATH: " + DeployPaths.INSTALL_HINT);
    }
}
