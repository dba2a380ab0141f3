package io.tradingedu.support.health;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Bounds every health indicator of the service by {@link HealthCheckProperties#timeout()}, so that readiness turns
 * DOWN within seconds when a dependency hangs, instead of hanging with it. Boot's own indicators have no timeout
 * (the database check asks the driver for a valid connection without one).
 */
@AutoConfiguration
public class HealthAutoConfiguration {

    // static: a post-processor must not make its configuration class (and what it needs) early
    @Bean
    static BeanPostProcessor boundedHealthIndicators(Environment environment) {
        HealthCheckProperties properties = Binder.get(environment)
                .bindOrCreate(HealthCheckProperties.PREFIX, HealthCheckProperties.class);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof HealthIndicator indicator && !(bean instanceof BoundedHealthIndicator)
                        ? new BoundedHealthIndicator(beanName, indicator, properties.timeout())
                        : bean;
            }
        };
    }
}
