package io.tradingedu.orchestrator.keywords;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The trading lexicon, read and checked once at start-up: a broken lexicon stops the service with every problem. */
@Configuration(proxyBeanMethods = false)
class LexiconConfiguration {

    @Bean
    TradingLexicon tradingLexicon() {
        return TradingLexicon.standard();
    }
}
