package io.tradingedu.deploytests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The kubectl the tests render with: {@code $KUBECTL}, else {@code kubectl} on the PATH, else the one
 * {@code deploy/local/stack.sh install} unpacks into {@code $STACK_HOME/tools/kubectl/kubectl}. It must have kustomize
 * built in ({@code kubectl kustomize}, kubectl 1.14 and later); none found fails the test with what to install.
 */
final class Kubectl {

    private static String found;

    private Kubectl() {
    }

    static synchronized String path() {
        if (found == null) {
            found = locate();
        }
        return found;
    }

    /** {@code kubectl kustomize --load-restrictor=LoadRestrictionsNone DIR}: the overlays read deploy/postgres/*.sql. */
    static String kustomize(Path dir) {
        Result result = run(List.of(path(), "kustomize", "--load-restrictor=LoadRestrictionsNone", dir.toString()));
        if (result.exit() != 0) {
            throw new AssertionError("kubectl kustomize " + dir + " failed (exit " + result.exit() + "):\n" + result.err());
        }
        return result.out();
    }

    private static String locate() {
        List<String> candidates = new ArrayList<>();
        String env = System.getenv("KUBECTL");
        if (env != null && !env.isBlank()) {
            candidates.add(env);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, "kubectl").toString());
            }
        }
        candidates.add(DeployPaths.tools().resolve("kubectl/kubectl").toString());
        for (String candidate : candidates) {
            if (Files.isExecutable(Path.of(candidate)) && run(List.of(candidate, "kustomize", "--help")).exit() == 0) {
                return candidate;
            }
        }
        throw new AssertionError("no kubectl with kustomize found ($KUBECTL, the PATH, "
                + DeployPaths.tools().resolve("kubectl/kubectl") + "): " + DeployPaths.INSTALL_HINT);
    }

    record Result(int exit, String out, String err) {
    }

    static Result run(List<String> command) {
        return run(command, null);
    }

    /** Runs a command with a bounded wait; stdout and stderr go through files, so a large output cannot block it. */
    static Result run(List<String> command, java.util.Map<String, String> environment) {
        try {
            Path out = Files.createTempFile("deploytests", ".out");
            Path err = Files.createTempFile("deploytests", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
                if (environment != null) {
                    builder.environment().putAll(environment);
                }
                Process process = builder.start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not finish within 120 s");
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return new Result(127, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
