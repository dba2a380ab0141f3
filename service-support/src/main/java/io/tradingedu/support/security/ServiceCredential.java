package io.tradingedu.support.security;

import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * What a service sends when it calls another service of the suite: {@code Authorization: Bearer $SERVICE_TOKEN},
 * or nothing when no service token is configured. Add it to a {@code RestClient} with
 * {@code requestInterceptor(serviceCredential)}; never to clients of outside services (an LLM, a Whisper server),
 * which must not see the suite's token.
 */
public final class ServiceCredential implements ClientHttpRequestInterceptor {

    private final String token;

    ServiceCredential(String token) {
        this.token = token == null ? "" : token.strip();
    }

    /** The credential for {@code token}; an empty or null token sends nothing. For tests and hand-built clients. */
    public static ServiceCredential of(String token) {
        return new ServiceCredential(token);
    }

    /** Sends nothing: for a client whose peer does not check credentials. */
    public static ServiceCredential none() {
        return new ServiceCredential("");
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        if (!token.isEmpty() && !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            request.getHeaders().setBearerAuth(token);
        }
        return execution.execute(request, body);
    }

    @Override
    public String toString() {
        return "ServiceCredential[" + (token.isEmpty() ? "none" : "bearer") + "]";
    }
}
