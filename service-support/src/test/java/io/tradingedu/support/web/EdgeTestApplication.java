package io.tradingedu.support.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A real Tomcat with the shared defaults (tradingedu-service-defaults.yml, so forward-headers-strategy=framework as
 * in the services) and the web edge auto-configuration, for requests as a client sends them: real peer addresses,
 * real Content-Length and chunked bodies.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({WebEdgeAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, JacksonAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class, MultipartAutoConfiguration.class})
class EdgeTestApplication {

    static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(EdgeTestApplication.class, EdgeController.class)
                .web(WebApplicationType.SERVLET)
                .properties("server.port=0", "logging.structured.format.console=", "spring.main.banner-mode=off")
                .properties(properties)
                .run();
    }

    static URI uri(ConfigurableApplicationContext context, String path) {
        return URI.create("http://localhost:" + port(context) + path);
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @RestController
    static class EdgeController {

        final AtomicInteger bodiesRead = new AtomicInteger();

        /** The link a service would answer with, and the client address it would log. */
        @GetMapping("/items/link")
        Map<String, String> link(HttpServletRequest request) {
            return Map.of("self", ServletUriComponentsBuilder.fromCurrentRequest().toUriString(),
                    "client", request.getRemoteAddr());
        }

        @PostMapping("/json")
        Map<String, Integer> json(@RequestBody Map<String, Object> body) {
            bodiesRead.incrementAndGet();
            return Map.of("keys", body.size());
        }

        /** Like the market-data upload: reads the raw body stream itself. */
        @PostMapping(path = "/upload", consumes = "text/csv")
        Map<String, Long> upload(InputStream body) throws IOException {
            bodiesRead.incrementAndGet();
            return Map.of("bytes", body.transferTo(OutputStream.nullOutputStream()));
        }

        /** Like the video upload: a multipart form with one file. */
        @PostMapping(path = {"/form", "/big-form"}, consumes = "multipart/form-data")
        Map<String, Long> form(@RequestPart("file") MultipartFile file) {
            bodiesRead.incrementAndGet();
            return Map.of("bytes", file.getSize());
        }
    }
}
