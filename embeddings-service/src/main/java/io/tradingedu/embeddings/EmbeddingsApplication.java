package io.tradingedu.embeddings;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class EmbeddingsApplication {

    public static void main(String[] args) {
        SpringApplication.run(EmbeddingsApplication.class, args);
    }
}
