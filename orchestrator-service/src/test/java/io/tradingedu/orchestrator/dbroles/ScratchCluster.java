package io.tradingedu.orchestrator.dbroles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL 15 cluster of this test's own (the local stack's binaries, with pgvector), in a temporary directory on
 * a free port, so that roles, which are cluster-wide, can be created and checked without touching the shared
 * database. Authentication as the local stack configures it: the superuser only on the local socket (peer), everyone
 * else with a SCRAM password. As root (CI) the server runs as the {@code postgres} user, as the stack's does.
 */
final class ScratchCluster implements AutoCloseable {

    private static final Path PG_BIN = Path.of(System.getenv().getOrDefault("PG_BIN", "/usr/lib/postgresql/15/bin"));
    private static final boolean ROOT = new com.sun.security.auth.module.UnixSystem().getUid() == 0;

    private final Path home;
    private final Path data;
    private final Path socketDir;
    private final int port;

    private ScratchCluster(Path home, int port) {
        this.home = home;
        this.data = home.resolve("data");
        this.socketDir = home.resolve("run");
        this.port = port;
    }

    static ScratchCluster start() throws IOException {
        if (!Files.isExecutable(PG_BIN.resolve("initdb"))) {
            throw new IllegalStateException("no PostgreSQL binaries in " + PG_BIN
                    + ": install the local stack (deploy/local/stack.sh install) or set PG_BIN");
        }
        Path home = Files.createTempDirectory("dbroles-postgres");
        ScratchCluster cluster = new ScratchCluster(home, freePort());
        try {
            cluster.create();
            return cluster;
        } catch (RuntimeException | IOException e) {
            cluster.close();
            throw e;
        }
    }

    private void create() throws IOException {
        Files.createDirectories(socketDir);
        if (ROOT) {
            home.toFile().setReadable(true, false);
            home.toFile().setExecutable(true, false);
            run(Map.of(), List.of("chown", "-R", "postgres:postgres", home.toString())).requireSuccess();
        }
        run(Map.of(), asPostgres(PG_BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")).requireSuccess();
        Files.writeString(data.resolve("postgresql.conf"), String.join("\n", "", "listen_addresses = 'localhost'",
                "port = " + port, "unix_socket_directories = '" + socketDir + "'", "fsync = off", ""),
                java.nio.file.StandardOpenOption.APPEND);
        // the superuser by peer on the socket (trust when not root: the test then runs the server as itself)
        Files.writeString(data.resolve("pg_hba.conf"), String.join("\n",
                "local all postgres " + (ROOT ? "peer" : "trust"),
                "local all all scram-sha-256",
                "host all all 127.0.0.1/32 scram-sha-256",
                "host all all ::1/128 scram-sha-256", ""));
        run(Map.of(), asPostgres(PG_BIN.resolve("pg_ctl").toString(), "-D", data.toString(),
                "-l", home.resolve("postgres.log").toString(), "-w", "-t", "60", "start")).requireSuccess();
    }

    String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection(url(database), user, password);
    }

    /** Runs SQL as the superuser on the local socket; fails on the first error. */
    String superuser(String database, String sql) {
        return psql(database, Map.of(), "-c", sql).requireSuccess();
    }

    /** Runs a script as the superuser on the local socket, as the local stack does, with {@code env} given to psql. */
    Result superuserScript(String database, Path script, Map<String, String> env, String... variables) {
        List<String> args = new ArrayList<>();
        for (String variable : variables) {
            args.add("-v");
            args.add(variable);
        }
        args.add("-f");
        args.add(script.toString());
        return psql(database, env, args.toArray(String[]::new));
    }

    private Result psql(String database, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(asPostgres(PG_BIN.resolve("psql").toString(), "-X", "-q",
                "-h", socketDir.toString(), "-p", Integer.toString(port), "-U", "postgres", "-d", database,
                "-v", "ON_ERROR_STOP=1"));
        command.addAll(List.of(args));
        return run(env, command);
    }

    record Result(int exitCode, String output) {

        String requireSuccess() {
            if (exitCode != 0) {
                throw new IllegalStateException("exit code " + exitCode + ":\n" + output);
            }
            return output;
        }
    }

    private static List<String> asPostgres(String... command) {
        List<String> full = new ArrayList<>();
        if (ROOT) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static Result run(Map<String, String> env, List<String> command) {
        try {
            Path output = Files.createTempFile("dbroles-cmd", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                builder.environment().putAll(env);
                Process process = builder.start();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("no end within 2 minutes: " + String.join(" ", command));
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            run(Map.of(), asPostgres(PG_BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate",
                    "-w", "stop")).requireSuccess();
        }
        try (var walk = Files.walk(home)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
