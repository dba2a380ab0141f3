package io.tradingedu.support.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code tradingedu-service-defaults.yml} (datasource credentials, JPA, Flyway locations, Kafka, actuator,
 * structured logging) behind every other property source, after the application's own configuration is loaded, so
 * that the four services state these once and each can still override any of them.
 */
public class ServiceDefaults implements EnvironmentPostProcessor, Ordered {

    static final String RESOURCE = "tradingedu-service-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader()
                    .load("tradingedu service defaults", new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** After the config data (application.yml) has been added, so that it stays in front of these defaults. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
