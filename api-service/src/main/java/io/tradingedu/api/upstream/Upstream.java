package io.tradingedu.api.upstream;

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
import java.util.Locale;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * One service of the suite as api-service calls it (the /llama endpoints, the dashboard's charts and playground):
 * snake_case JSON whatever api-service's own settings, unknown fields ignored, bounded waits, the service token, and
 * every way a call can fail turned into an {@link UpstreamException} naming the service. Where the service lives
 * and why it could not be reached go to the log, never to the caller.
 */
public final class Upstream {

    private static final Logger log = LoggerFactory.getLogger(Upstream.class);

    /** The suite's wire format. */
    public static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final String service;
    private final String shortName;
    private final URI base;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final RestClient http;

    /**
     * @param restClients Boot's builder (copied, not changed): the calls are timed and carry the caller's trace
     * @param service     e.g. {@code orchestrator-service}; problem types use the part before {@code -service}
     * @param credential  the suite's service token, sent with every call
     */
    public Upstream(RestClient.Builder restClients, String service, URI base, Duration connectTimeout,
             Duration readTimeout, ServiceCredential credential) {
        this.service = service;
        this.shortName = service.replace("-service", "");
        this.base = base;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(readTimeout);
        this.http = restClients.clone().baseUrl(base.toString()).requestFactory(requests)
                .requestInterceptor(credential)
                .configureMessageConverters(converters -> converters
                        .withJsonConverter(new JacksonJsonHttpMessageConverter(JSON)))
                .build();
    }

    public String service() {
        return service;
    }

    public URI base() {
        return base;
    }

    /** Runs {@code call}; a missing body is a failure of the service. */
    public <T> T call(String what, Function<RestClient, T> call) {
        try {
            T result = call.apply(http);
            if (result == null) {
                throw failed(service + " answered " + what + " without a body");
            }
            return result;
        } catch (RestClientResponseException e) {
            throw answered(what, e);
        } catch (ResourceAccessException e) {
            throw unreachable(e);
        } catch (RestClientException e) {
            if (e.getMostSpecificCause() instanceof IOException) {
                throw unreachable(e);
            }
            log.warn("{} answered {} with something unreadable", service, what, e);
            throw failed(service + " answered " + what + " with something that cannot be read");
        }
    }

    public UpstreamException failed(String detail) {
        return new UpstreamException(HttpStatus.BAD_GATEWAY, shortName + "-failed", title("failed"), detail, null);
    }

    private UpstreamException answered(String what, RestClientResponseException e) {
        Problem problem = problemOf(e);
        String detail = problem != null && problem.detail() != null && !problem.detail().isBlank() ? problem.detail()
                : null;
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        if (status == HttpStatus.UNAUTHORIZED || status == HttpStatus.FORBIDDEN) {
            // every call carries api-service's own credential, not the caller's: the refusal is the operator's to
            // fix (SERVICE_TOKEN), and passed on as a 401 it would sign the dashboard's user out
            log.warn("{} refused api-service's credential for {} with {}: {}", service, what, status.value(), detail);
            return failed(service + " refused api-service's credential (" + status.value() + ")");
        }
        String retryAfter = retryAfter(e);
        if (status != null && status.is4xxClientError()) {
            // its refusal is the client's to read: same status, its own problem type where it has one
            String kind = problem != null && problem.type() != null && problem.type().contains("/problems/")
                    ? problem.type().substring(problem.type().lastIndexOf('/') + 1) : shortName + "-refused";
            String title = problem != null && problem.title() != null ? problem.title() : title("refused");
            return new UpstreamException(status, kind, title, detail != null ? detail
                    : service + " refused " + what + " (" + status.value() + ")",
                    problem == null ? null : problem.field(), retryAfter);
        }
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            return new UpstreamException(HttpStatus.SERVICE_UNAVAILABLE, shortName + "-unavailable",
                    title("unavailable"), service + " is unavailable" + (detail == null ? "" : ": " + detail), null,
                    retryAfter);
        }
        log.warn("{} failed {} with {}: {}", service, what, e.getStatusCode().value(), detail);
        return failed(service + " failed " + what + " (" + e.getStatusCode().value() + ")"
                + (detail == null ? "" : ": " + detail));
    }

    private UpstreamException unreachable(RestClientException e) {
        String reason = e.getMostSpecificCause().getMessage() == null
                ? e.getMostSpecificCause().getClass().getSimpleName() : e.getMostSpecificCause().getMessage();
        // the JDK client wraps the telling exception (a refused connect ends in a ClosedChannelException)
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String known = switch (cause) {
                case HttpConnectTimeoutException t -> "no connection within " + seconds(connectTimeout);
                case HttpTimeoutException t -> "no answer within " + seconds(readTimeout);
                case SocketTimeoutException t -> "no answer within " + seconds(readTimeout);
                case ConnectException refused -> "the connection was refused";
                default -> null;
            };
            if (known != null) {
                reason = known;
                break;
            }
        }
        log.warn("{} at {} cannot be reached: {}", service, base, reason);
        return new UpstreamException(HttpStatus.SERVICE_UNAVAILABLE, shortName + "-unavailable", title("unavailable"),
                service + " cannot be reached: " + reason, null);
    }

    private String title(String what) {
        return Character.toUpperCase(shortName.charAt(0)) + shortName.substring(1).toLowerCase(Locale.ROOT)
                + " service " + what;
    }

    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    /** The answer's Retry-After when it is a plain number of seconds or an HTTP date of sane length, else null. */
    private static String retryAfter(RestClientResponseException e) {
        String value = e.getResponseHeaders() == null ? null : e.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        return value != null && value.length() <= 64 && value.matches("[0-9A-Za-z ,:]+") ? value : null;
    }

    private static Problem problemOf(RestClientResponseException e) {
        try {
            return JSON.readValue(e.getResponseBodyAsByteArray(), Problem.class);
        } catch (RuntimeException notAProblem) {
            // an HTML error page from a proxy, or a body cut short: the status alone is what is known
            return null;
        }
    }

    /** The parts of an RFC 9457 problem that are passed on. */
    record Problem(String type, String title, String detail, String field) {
    }
}
