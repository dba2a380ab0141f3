package io.tradingedu.backtesting.support;

import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

@Configuration(proxyBeanMethods = false)
class BacktestingConfiguration {

    /** Queued jobs, one per thread; each sweep inside spreads over {@link #sweepPool}. */
    @Bean
    ThreadPoolTaskExecutor backtestExecutor(@Value("${backtest.job-threads:2}") int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix("backtest-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }

    /**
     * The scheduler of {@code @Scheduled} work (the outbox relay). Declared because since Java 25 a
     * {@link ForkJoinPool} is also a {@code ScheduledExecutorService}: without this bean Spring would schedule on the
     * sweep pool, whose threads cannot load the application's classes from the packaged jar (the relay's first Kafka
     * producer failed there), and Boot's own scheduler backs off when it sees that pool.
     */
    @Bean
    ThreadPoolTaskScheduler taskScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("scheduling-");
        return scheduler;
    }

    /** The workers of parameter sweeps; defaults to every core. */
    @Bean(destroyMethod = "shutdownNow")
    ForkJoinPool sweepPool(@Value("${backtest.sweep-parallelism:0}") int parallelism) {
        return new ForkJoinPool(parallelism > 0 ? parallelism : Runtime.getRuntime().availableProcessors());
    }

    /** Stage 9's topics, created if the orchestrator has not yet done so. */
    @Bean
    KafkaAdmin.NewTopics backtestStageTopics(@Value("${pipeline.topic-partitions:3}") int partitions) {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : List.of(PipelineStage.BACKTEST.commandsTopic(), PipelineStage.BACKTEST.eventsTopic())) {
            topics.add(TopicBuilder.name(name).partitions(partitions).replicas(1).build());
            topics.add(TopicBuilder.name(Topics.deadLetterTopic(name)).partitions(1).replicas(1).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
