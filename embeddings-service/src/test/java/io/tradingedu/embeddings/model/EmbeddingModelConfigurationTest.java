package io.tradingedu.embeddings.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The embedder as a Spring bean: bound from properties, loaded once at startup, released with the context. */
class EmbeddingModelConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(EmbeddingModelConfiguration.class);

    @Test
    void loadsTheConfiguredModelAndClosesItWithTheContext() {
        SentenceEmbedder[] kept = new SentenceEmbedder[1];
        context.withPropertyValues("embeddings.model.name=all-minilm-l6-v2-q", "embeddings.model.batch-size=8",
                        "embeddings.model.threads=1", "embeddings.model.path=", "embeddings.model.intra-op-threads=")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    EmbeddingModelProperties properties = started.getBean(EmbeddingModelProperties.class);
                    assertThat(properties.batchSize()).isEqualTo(8);
                    assertThat(properties.path()).isNull();
                    assertThat(properties.intraOpThreads()).isEqualTo(EmbeddingModelProperties.DEFAULT_INTRA_OP_THREADS);
                    kept[0] = started.getBean(SentenceEmbedder.class);
                    assertThat(kept[0].modelName()).isEqualTo("all-minilm-l6-v2-q");
                    assertThat(kept[0].embed("Buy the breakout.")).hasSize(384);
                });
        assertThatThrownBy(() -> kept[0].embed("Buy the breakout.")).isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void defaultsToTheInt8Model() {
        context.run(started -> assertThat(started.getBean(SentenceEmbedder.class).modelName())
                .isEqualTo("all-minilm-l6-v2-q"));
    }

    @Test
    void unknownModelNameFailsStartupWithTheChoices() {
        context.withPropertyValues("embeddings.model.name=bert-huge").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause()
                    .hasMessageContaining("Unknown embedding model 'bert-huge'")
                    .hasMessageContaining("all-minilm-l6-v2, all-minilm-l6-v2-q");
        });
    }

    @Test
    void missingEngineFailsStartupWithWhatToAdd() {
        context.withPropertyValues("embeddings.model.name=my-model", "embeddings.model.path=pom.xml",
                "embeddings.model.engine=PyTorch").run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(started.getStartupFailure()).rootCause()
                            .hasMessageContaining("DJL engine PyTorch (EMBEDDING_ENGINE) is not on the classpath")
                            .hasMessageContaining("pytorch-native-cpu");
                });
    }

    @Test
    void builtInModelOnAnotherEngineFailsStartup() {
        context.withPropertyValues("embeddings.model.engine=PyTorch").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause()
                    .hasMessageContaining("needs EMBEDDING_MODEL_PATH");
        });
    }
}
