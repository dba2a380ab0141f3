package io.tradingedu.orchestrator.strategies.evaluation;

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

/** Stage 10's topics, created even where the stage is not in this instance's list, so its worker never waits for them. */
@Configuration(proxyBeanMethods = false)
class EvaluationTopics {

    @Bean
    KafkaAdmin.NewTopics evaluationStageTopics(@Value("${pipeline.topic-partitions:3}") int partitions) {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : List.of(PipelineStage.EVALUATE_PROMOTE.commandsTopic(),
                PipelineStage.EVALUATE_PROMOTE.eventsTopic())) {
            topics.add(TopicBuilder.name(name).partitions(partitions).replicas(1).build());
            topics.add(TopicBuilder.name(Topics.deadLetterTopic(name)).partitions(1).replicas(1).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
