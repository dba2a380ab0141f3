package io.tradingedu.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Short-lived commands (initdb, pg_ctl, psql, ffmpeg), TCP ports and leftover processes of an aborted run. */
final class Commands {

    private Commands() {
    }

    /** Runs a command to its end (at most {@code timeout}) and answers its output; fails on a non-zero exit. */
    static String run(Duration timeout, Map<String, String> env, List<String> command) {
        try {
            Path output = Files.createTempFile("systemtests-cmd", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                builder.environment().putAll(env);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("timed out after " + timeout + ": " + String.join(" ", command));
                }
                String text = Files.readString(output, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("exit " + process.exitValue() + ": " + String.join(" ", command)
                            + "\n" + text);
                }
                return text;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    static String run(Duration timeout, String... command) {
        return run(timeout, Map.of(), List.of(command));
    }

    /**
     * Fails with what to install when {@code command} is not on the PATH: the tests never skip for a missing tool.
     *
     * @param debianPackages what provides it, e.g. {@code "festival festvox-us-slt-hts"}
     */
    static void requireTool(String command, String debianPackages) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return;
            }
        }
        throw new IllegalStateException(command + " not found on the PATH: install it with apt-get install "
                + debianPackages + " (deploy/local/stack.sh install does, as root)");
    }

    static boolean isRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    /** PostgreSQL refuses to run as root: as root its commands run as the {@code postgres} user. */
    static List<String> asPostgres(String... command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void requireFree(int port, String forWhat) {
        if (listening(port)) {
            throw new IllegalStateException("port " + port + " (for " + forWhat + ") is taken: a leftover of an "
                    + "aborted system-test run or another program; stop it, or move every system-test port with "
                    + "-Dsystemtests.port-offset=<n>");
        }
    }

    /** Waits until the condition holds; fails with {@code what} after {@code timeout}. */
    static void await(Duration timeout, String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            sleep(Duration.ofMillis(250));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Kills (SIGKILL) the process recorded in a pid file by an earlier, aborted run, if it still runs and its
     * command line names {@code marker} (our work directory), so a reused pid of another program is never touched.
     */
    static void killLeftover(Path pidFile, String marker) {
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid).filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                    .ifPresent(p -> {
                        p.destroyForcibly();
                        p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> p).join();
                    });
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            // an unreadable pid file names no process of ours
        }
    }

    static void writePid(Path pidFile, long pid) {
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, Long.toString(pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
