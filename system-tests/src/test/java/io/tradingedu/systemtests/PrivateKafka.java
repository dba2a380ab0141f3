package io.tradingedu.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A single-node KRaft Kafka broker of the tests' own (the local stack's Kafka jars), its log under
 * {@code target/system/kafka}, on its own ports: the tests stop and start it without touching the shared one.
 * Its data survives {@link #stop()}/{@link #start()}, as a real broker's outage would.
 */
final class PrivateKafka implements AutoCloseable {

    private final SystemPaths paths;
    private final int port;
    private final int controllerPort;
    private final Path home;
    private final ServiceProcess broker;

    PrivateKafka(SystemPaths paths, int port, int controllerPort) {
        this.paths = paths;
        this.port = port;
        this.controllerPort = controllerPort;
        this.home = paths.work().resolve("kafka");
        String classpath = paths.kafkaLibs() + "/*";
        this.broker = new ServiceProcess("kafka", port, List.of(paths.java().toString(), "-Xms128m", "-Xmx384m",
                "-cp", classpath, "kafka.Kafka", home.resolve("server.properties").toString()), Map.of(), paths);
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    /** A fresh broker: new storage, formatted, then started. */
    PrivateKafka create() {
        Commands.requireFree(port, "the system tests' Kafka");
        Commands.requireFree(controllerPort, "the system tests' Kafka controller");
        Path data = home.resolve("data");
        try {
            if (Files.exists(home)) {
                try (var walk = Files.walk(home)) {
                    for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(data);
            Files.writeString(home.resolve("server.properties"), String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@localhost:" + controllerPort,
                    "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://localhost:" + port,
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + data,
                    "num.partitions=3",
                    "offsets.topic.replication.factor=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "auto.create.topics.enable=true", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String classpath = paths.kafkaLibs() + "/*";
        // what `kafka-storage.sh random-uuid` prints, without starting a JVM for it
        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        Commands.run(Duration.ofMinutes(1), paths.java().toString(), "-cp", classpath, "kafka.tools.StorageTool",
                "format", "-t", clusterId, "-c", home.resolve("server.properties").toString());
        start();
        return this;
    }

    /** Starts the broker on its existing storage and waits until it listens. */
    void start() {
        broker.start();
        Commands.await(Duration.ofSeconds(60), "Kafka to listen on :" + port + " (see " + broker.log() + ")", () -> {
            if (!broker.alive()) {
                throw new IllegalStateException("Kafka exited while starting; see " + broker.log());
            }
            return Commands.listening(port);
        });
    }

    /** A clean shutdown (SIGTERM), SIGKILL after the grace period. */
    void stop() {
        broker.stop();
    }

    /** SIGKILL: the broker dies at once. */
    void kill() {
        broker.kill();
    }

    @Override
    public void close() {
        stop();
    }
}
