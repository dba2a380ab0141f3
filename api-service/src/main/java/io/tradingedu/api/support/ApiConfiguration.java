package io.tradingedu.api.support;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.tradingedu.shared.pipeline.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    @Bean
    KafkaAdmin.NewTopics mediaTopics() {
        return new KafkaAdmin.NewTopics(TopicBuilder.name(Topics.MEDIA_EVENTS).partitions(3).replicas(1).build(),
                TopicBuilder.name(Topics.deadLetterTopic(Topics.RUN_EVENTS)).partitions(1).replicas(1).build());
    }

    /** The JSON is snake_case (spring.jackson); springdoc reads models with its own mapper and must be told. */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }
}
