package io.tradingedu.deploytests;

import java.nio.file.Path;

/**
 * Where the tests find the repository and the local stack's tools.
 *
 * <p>The stack home is {@code STACK_HOME} when set, else the {@code deploytests.stack-home} property (the pom sets
 * {@code <repo>/.stack}); {@code deploy/local/stack.sh install} puts the schema packages and, where no kubectl is on
 * the PATH, kubectl under its {@code tools/}.
 */
final class DeployPaths {

    static final Path REPO = Path.of(System.getProperty("deploytests.repo", "..")).toAbsolutePath().normalize();
    static final Path K8S = REPO.resolve("deploy/k8s");
    static final Path STACK_HOME = stackHome();

    static final String INSTALL_HINT = "run deploy/local/stack.sh install";

    private DeployPaths() {
    }

    static Path overlay(String name) {
        return K8S.resolve("overlays").resolve(name);
    }

    static Path tools() {
        return STACK_HOME.resolve("tools");
    }

    private static Path stackHome() {
        String env = System.getenv("STACK_HOME");
        String home = env != null && !env.isBlank() ? env
                : System.getProperty("deploytests.stack-home", REPO.resolve(".stack").toString());
        return Path.of(home).toAbsolutePath().normalize();
    }
}
