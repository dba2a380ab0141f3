package io.tradingedu.api.search;

import io.tradingedu.support.security.ServiceCredential;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks embeddings-service's {@code GET /search}, which owns the vectors, the full-text index and the search's bounds.
 * Every way it can fail ends in an {@link EmbeddingsSearchException} within the configured timeouts.
 */
@Component
class EmbeddingsClient {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingsClient.class);

    private final EmbeddingsProperties properties;
    private final RestClient http;

    /**
     * @param restClients Boot's builder: the calls are timed and carry the caller's trace ({@code traceparent})
     * @param credential  the suite's service token, sent with every call
     */
    EmbeddingsClient(EmbeddingsProperties properties, RestClient.Builder restClients, ServiceCredential credential) {
        this.properties = properties;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(properties.readTimeout());
        // embeddings-service's wire format, whatever api-service's own JSON settings become; fields it adds later
        // are ignored
        JsonMapper json = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.http = restClients.requestFactory(requests).requestInterceptor(credential)
                .configureMessageConverters(converters -> converters
                        .withJsonConverter(new JacksonJsonHttpMessageConverter(json)))
                .build();
    }

    SearchResult search(SearchRequest request) {
        try {
            SearchResult result = http.get().uri(searchUri(properties.url(), request))
                    .accept(MediaType.APPLICATION_JSON).retrieve().body(SearchResult.class);
            if (result == null) {
                throw EmbeddingsSearchException.failed("embeddings-service answered the search without a body");
            }
            return result;
        } catch (RestClientResponseException e) {
            throw answered(e);
        } catch (ResourceAccessException e) {
            throw unreachable(e);
        } catch (RestClientException e) {
            if (e.getMostSpecificCause() instanceof IOException) {
                // the connection broke or timed out while the body was read
                throw unreachable(e);
            }
            log.warn("embeddings-service answered a search with something that is not a search result", e);
            throw EmbeddingsSearchException.failed("embeddings-service answered with something that is not a "
                    + "search result");
        }
    }

    /**
     * {@code <base>/search?...} with every value encoded strictly as a URI variable, so {@code &}, {@code #},
     * {@code +}, {@code %} and non-ASCII text in a query arrive as the client typed them.
     */
    static URI searchUri(URI base, SearchRequest request) {
        Map<String, Object> parameters = request.parameters();
        UriComponentsBuilder uri = UriComponentsBuilder.fromUri(base).path("/search");
        parameters.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
        return uri.encode().buildAndExpand(parameters).toUri();
    }

    private static EmbeddingsSearchException answered(RestClientResponseException e) {
        int code = e.getStatusCode().value();
        Problem problem = problemOf(e);
        String detail = problem != null && problem.detail() != null && !problem.detail().isBlank() ? problem.detail()
                : null;
        HttpStatus status = HttpStatus.resolve(code);
        if (status != null && status.is4xxClientError()) {
            return EmbeddingsSearchException.refused(status, detail != null ? detail
                    : "embeddings-service refused the search (" + code + ")", problem == null ? null
                    : clientField(problem.field()));
        }
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            return EmbeddingsSearchException.unavailable("embeddings-service is unavailable"
                    + (detail == null ? "" : ": " + detail));
        }
        log.warn("embeddings-service failed a search with {}: {}", code, detail);
        return EmbeddingsSearchException.failed("embeddings-service failed the search (" + code + ")"
                + (detail == null ? "" : ": " + detail));
    }

    private EmbeddingsSearchException unreachable(RestClientException e) {
        String reason = reason(e.getMostSpecificCause());
        // the JDK client wraps the telling exception (a refused connect ends in a ClosedChannelException)
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String known = switch (cause) {
                case HttpConnectTimeoutException t -> "no connection within " + seconds(properties.connectTimeout());
                case HttpTimeoutException t -> "no answer within " + seconds(properties.readTimeout());
                case SocketTimeoutException t -> "no answer within " + seconds(properties.readTimeout());
                case ConnectException refused -> "the connection was refused";
                default -> null;
            };
            if (known != null) {
                reason = known;
                break;
            }
        }
        log.warn("embeddings-service at {} cannot be reached: {}", properties.url(), reason);
        return EmbeddingsSearchException.unavailable("embeddings-service cannot be reached: " + reason);
    }

    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    /** Its parameter {@code type} is {@code embedding_type} on api-service; the others are spelled the same. */
    private static String clientField(String field) {
        return "type".equals(field) ? EmbeddingTypes.FIELD : field;
    }

    private static Problem problemOf(RestClientResponseException e) {
        try {
            return e.getResponseBodyAs(Problem.class);
        } catch (RuntimeException notAProblem) {
            // an HTML error page from a proxy, or a body cut short: the status alone is what is known
            return null;
        }
    }

    private static String reason(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    /** The parts of embeddings-service's RFC 9457 problem that are passed on. */
    record Problem(String detail, String field) {
    }
}
