package io.tradingedu.orchestrator.run;

import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics of the configured stages, created at start-up together with their dead-letter topics. */
@Configuration(value = "stageTopics", proxyBeanMethods = false)
class StageTopics {

    private final PipelineProperties properties;

    StageTopics(PipelineProperties properties) {
        this.properties = properties;
    }

    public String[] eventTopics() {
        return properties.stages().stream().map(PipelineStage::eventsTopic).toArray(String[]::new);
    }

    @Bean
    KafkaAdmin.NewTopics pipelineTopics(@Value("${pipeline.topic-partitions:3}") int partitions) {
        List<String> names = new ArrayList<>(List.of(Topics.MEDIA_EVENTS, Topics.RUN_EVENTS));
        for (PipelineStage stage : properties.stages()) {
            names.add(stage.commandsTopic());
            names.add(stage.eventsTopic());
        }
        List<NewTopic> topics = new ArrayList<>();
        for (String name : names) {
            topics.add(TopicBuilder.name(name).partitions(partitions).replicas(1).build());
            topics.add(TopicBuilder.name(Topics.deadLetterTopic(name)).partitions(1).replicas(1).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
