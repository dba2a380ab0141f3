package io.tradingedu.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service's packaged jar running as a child process of the test JVM, on its own port, its output appended to
 * {@code target/system/logs/<name>.log}. {@link #kill()} is a SIGKILL (a crash: nothing runs on the way out);
 * {@link #stop()} a SIGTERM with a grace period, then SIGKILL. It can be started again after either.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final int port;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path log;
    private final Path pidFile;
    private final String marker;
    private final Path workDir;
    private Process process;

    ServiceProcess(String name, int port, List<String> command, Map<String, String> env, SystemPaths paths) {
        this.name = name;
        this.port = port;
        this.command = List.copyOf(command);
        this.env = Map.copyOf(env);
        this.log = paths.logs().resolve(name + ".log");
        this.pidFile = paths.work().resolve("pids").resolve(name + ".pid");
        this.marker = paths.work().toString();
        this.workDir = paths.work();
    }

    /** A Spring Boot service: {@code java -jar <module>/target/<module>-*.jar} with the given environment. */
    static ServiceProcess service(String name, String module, int port, Map<String, String> env, SystemPaths paths) {
        List<String> command = List.of(paths.java().toString(), "-Xmx512m", "-XX:+ExitOnOutOfMemoryError",
                "-XX:TieredStopAtLevel=1", "-Dsystemtests.work=" + paths.work(), "-jar",
                paths.serviceJar(module).toString());
        return new ServiceProcess(name, port, command, env, paths);
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    URI url() {
        return URI.create("http://localhost:" + port);
    }

    Path log() {
        return log;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Starts the process (a leftover of an aborted run with the same name is killed first). */
    ServiceProcess start() {
        if (alive()) {
            throw new IllegalStateException(name + " is already running");
        }
        Commands.killLeftover(pidFile, marker);
        Commands.requireFree(port, name);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "---- starting " + name + " on :" + port + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .directory(workDir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            process = builder.start();
            Commands.writePid(pidFile, process.pid());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Waits until {@code /actuator/health/liveness} answers 200 (the service has started); fails if it died. */
    ServiceProcess awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Commands.await(timeout, name + " to start (see " + log + ")", () -> {
            if (!alive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see "
                        + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url().resolve(
                        "/actuator/health/liveness")).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                return response.statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        return this;
    }

    /** SIGKILL: the process dies at once, as in a crash or an out-of-memory kill. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(20));
        }
    }

    /** SIGSTOP: the process stays, frozen, doing nothing until {@link #thaw()} (or a kill). */
    void freeze() {
        signal("STOP");
    }

    /** SIGCONT: a frozen process goes on. */
    void thaw() {
        signal("CONT");
    }

    private void signal(String name) {
        if (!alive()) {
            throw new IllegalStateException(name + " is not running");
        }
        Commands.run(Duration.ofSeconds(10), "kill", "-" + name, Long.toString(process.pid()));
    }

    /** SIGTERM, then SIGKILL when it has not stopped within the grace period. */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitForExit(STOP_GRACE)) {
            kill();
        }
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Counts the log lines (of every start) that contain {@code text}. */
    long logLinesContaining(String text) {
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(text)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return name + " :" + port;
    }
}
