package io.tradingedu.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Span export is configured from the OpenTelemetry variables only when one is set. */
class OtlpEndpointTest {

    @Test
    void nothingIsExportedWithoutAnEndpoint() {
        assertThat(endpointWith(Map.of())).isNull();
        assertThat(endpointWith(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " "))).isNull();
    }

    @Test
    void baseEndpointGetsTheTracesPath() {
        assertThat(endpointWith(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/")))
                .isEqualTo("http://collector:4318/v1/traces");
    }

    @Test
    void tracesEndpointAndTheSpringPropertyWin() {
        assertThat(endpointWith(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://a:4318",
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://b:4318/v1/traces"))).isEqualTo("http://b:4318/v1/traces");
        assertThat(endpointWith(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://a:4318",
                OtlpEndpoint.PROPERTY, "http://c:4318/v1/traces"))).isEqualTo("http://c:4318/v1/traces");
    }

    private static String endpointWith(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", variables));
        new OtlpEndpoint().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty(OtlpEndpoint.PROPERTY);
    }
}
