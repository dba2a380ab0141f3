package io.tradingedu.semantic;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SemanticApplication {

    public static void main(String[] args) {
        SpringApplication.run(SemanticApplication.class, args);
    }
}
