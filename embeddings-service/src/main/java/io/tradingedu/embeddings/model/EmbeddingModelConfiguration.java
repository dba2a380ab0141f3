package io.tradingedu.embeddings.model;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the sentence-embedding model once at startup; closing the context releases it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddingModelProperties.class)
class EmbeddingModelConfiguration {

    @Bean(destroyMethod = "close")
    SentenceEmbedder sentenceEmbedder(EmbeddingModelProperties properties) {
        return DjlSentenceEmbedder.load(properties);
    }
}
