package io.tradingedu.orchestrator.processvideo.transcript;

import io.tradingedu.orchestrator.processvideo.audio.AudioExtractor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audio extractor and the transcriber as beans, built from {@link TranscriptionProperties}. */
@Configuration(proxyBeanMethods = false)
class TranscriptionConfiguration {

    @Bean
    AudioExtractor audioExtractor(TranscriptionProperties properties) {
        return Transcriber.audioExtractor(properties);
    }

    @Bean
    Transcriber transcriber(TranscriptionProperties properties, AudioExtractor audioExtractor) {
        return new Transcriber(audioExtractor, Transcriber.standardSources(properties));
    }
}
