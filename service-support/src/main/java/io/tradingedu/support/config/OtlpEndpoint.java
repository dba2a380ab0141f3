package io.tradingedu.support.config;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lets the standard OpenTelemetry variables turn on span export: {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} (the
 * full URL) or {@code OTEL_EXPORTER_OTLP_ENDPOINT} (the collector's base URL, {@code /v1/traces} appended, as the
 * OpenTelemetry SDKs do) become {@code management.opentelemetry.tracing.export.otlp.endpoint}. Spring Boot creates
 * the OTLP exporter only when that property is set, so without either variable nothing connects anywhere; the
 * property itself, when given, wins.
 */
public class OtlpEndpoint implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "management.opentelemetry.tracing.export.otlp.endpoint";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(PROPERTY)) {
            return;
        }
        String endpoint = tracesEndpoint(environment.getProperty("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"),
                environment.getProperty("OTEL_EXPORTER_OTLP_ENDPOINT"));
        if (endpoint != null) {
            environment.getPropertySources().addLast(new MapPropertySource("OTEL_EXPORTER_OTLP_* endpoint",
                    Map.of(PROPERTY, endpoint)));
        }
    }

    static String tracesEndpoint(String traces, String base) {
        if (traces != null && !traces.isBlank()) {
            return traces.strip();
        }
        if (base != null && !base.isBlank()) {
            String url = base.strip();
            return (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + "/v1/traces";
        }
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
