package io.tradingedu.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * A PostgreSQL 15 cluster of the tests' own (the local stack's binaries, with pgvector), under
 * {@code target/system/postgres}, on its own port: the tests stop and start it without touching the shared one.
 * As root (CI) it runs as the {@code postgres} user, as the local stack does. The database and role are the suite's
 * usual ones ({@code tradingedu}); the role's password is new for every run, and only the cluster's own OS user gets in
 * without it (through the socket), so nobody else on the machine can use the cluster while the suite runs.
 */
final class PrivatePostgres implements AutoCloseable {

    static final String DATABASE = "tradingedu";
    static final String USER = "tradingedu";
    static final String PASSWORD = randomPassword();

    private final SystemPaths paths;
    private final int port;
    private final Path home;
    private final Path data;
    private final Path socketDir;

    PrivatePostgres(SystemPaths paths, int port) {
        this.paths = paths;
        this.port = port;
        this.home = paths.work().resolve("postgres");
        this.data = home.resolve("data");
        this.socketDir = home.resolve("run");
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    /** A fresh cluster each time the suite starts (a leftover of an aborted run is stopped and removed). */
    PrivatePostgres create() {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            try {
                pgCtl("-m", "immediate", "-w", "stop");
            } catch (IllegalStateException e) {
                // not running any more: the pid file is stale
            }
        }
        Commands.requireFree(port, "the system tests' PostgreSQL");
        try {
            deleteTree(home);
            Files.createDirectories(data);
            Files.createDirectories(socketDir);
            if (Commands.isRoot()) {
                Commands.run(Duration.ofSeconds(30), "chown", "-R", "postgres:postgres", home.toString());
                // the postgres user must be able to reach its directories through ours
                for (Path dir = home.getParent(); dir != null; dir = dir.getParent()) {
                    if (dir.startsWith(paths.work()) || dir.equals(paths.work())) {
                        dir.toFile().setExecutable(true, false);
                        dir.toFile().setReadable(true, false);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Commands.run(Duration.ofMinutes(2), java.util.Map.of(), Commands.asPostgres(
                paths.pgBin().resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                "--auth-local=trust", "--auth-host=scram-sha-256",
                "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"));
        appendAsPostgres(data.resolve("postgresql.conf"), String.join("\n",
                "listen_addresses = 'localhost'",
                "port = " + port,
                "unix_socket_directories = '" + socketDir + "'",
                "max_connections = 200",
                "shared_buffers = 128MB",
                "fsync = off",
                "synchronous_commit = off",
                "full_page_writes = off",
                // the socket's trust is for the server's own OS user alone
                "unix_socket_permissions = 0700", ""));
        start();
        psql("postgres", "create role " + USER + " login password '" + PASSWORD + "'");
        psql("postgres", "create database " + DATABASE + " owner " + USER);
        psql(DATABASE, "create extension if not exists vector");
        return this;
    }

    /** Starts the cluster and waits until it accepts connections. */
    void start() {
        pgCtl("-l", home.resolve("postgres.log").toString(), "-w", "-t", "60", "start");
    }

    /** A fast shutdown: open connections are cut, as when the database server goes away under the services. */
    void stop() {
        pgCtl("-m", "fast", "-w", "-t", "60", "stop");
    }

    /** An immediate shutdown (the postmaster and its backends quit without a checkpoint): a crash. */
    void kill() {
        pgCtl("-m", "immediate", "-w", "-t", "60", "stop");
    }

    boolean running() {
        try {
            pgCtl("status");
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private void pgCtl(String... args) {
        List<String> command = new java.util.ArrayList<>(Commands.asPostgres(
                paths.pgBin().resolve("pg_ctl").toString(), "-D", data.toString()));
        command.addAll(List.of(args));
        Commands.run(Duration.ofSeconds(90), java.util.Map.of(), command);
    }

    private void psql(String database, String sql) {
        Commands.run(Duration.ofSeconds(30), java.util.Map.of(), Commands.asPostgres(
                paths.pgBin().resolve("psql").toString(), "-h", socketDir.toString(), "-p", Integer.toString(port),
                "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql));
    }

    private static String randomPassword() {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    private static void appendAsPostgres(Path file, String text) {
        try {
            Files.writeString(file, text, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Override
    public void close() {
        if (running()) {
            stop();
        }
    }
}
