package io.tradingedu.support.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Asks the broker, with the producer's connection settings, whether a topic exists. Used only after a send timed out
 * waiting for the topic's metadata, which is rare, so a short-lived admin client per question is cheap enough.
 */
final class KafkaTopicProbe implements UnsendableMessages.TopicProbe {

    private static final int TIMEOUT_MS = 5_000;

    private final Map<String, Object> adminConfig = new HashMap<>();

    KafkaTopicProbe(Map<String, Object> producerConfig) {
        // the producer's settings minus what an admin client does not know (serialisers, acks, ...)
        producerConfig.forEach((name, value) -> {
            if (AdminClientConfig.configNames().contains(name)) {
                adminConfig.put(name, value);
            }
        });
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
    }

    @Override
    public boolean reachableWithout(String topic) {
        try (AdminClient admin = AdminClient.create(adminConfig)) {
            admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return false;
        } catch (ExecutionException e) {
            return e.getCause() instanceof UnknownTopicOrPartitionException;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
