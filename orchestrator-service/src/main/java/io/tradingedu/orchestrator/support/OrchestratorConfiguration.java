package io.tradingedu.orchestrator.support;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrchestratorConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
