package io.tradingedu.api.run;

import io.tradingedu.support.security.ServiceCredential;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/** Forwards cancel and retry to orchestrator-service, which owns runs and enforces their state machine. */
@Component
public class RunControlClient {

    private final RestClient http;

    /**
     * @param restClients Boot's builder: the calls are timed and carry the caller's trace ({@code traceparent})
     * @param credential  the suite's service token: the orchestrator checks it like any other credential
     */
    RunControlClient(@Value("${orchestrator.url:http://localhost:8002}") String baseUrl,
                     RestClient.Builder restClients, ServiceCredential credential) {
        this.http = restClients.baseUrl(baseUrl).requestInterceptor(credential).build();
    }

    public void cancel(UUID runId) {
        post("/runs/{id}/cancel", runId);
    }

    public void retry(UUID runId) {
        post("/runs/{id}/retry", runId);
    }

    private void post(String path, UUID runId) {
        try {
            http.post().uri(path, runId).retrieve().toBodilessEntity();
        } catch (RestClientResponseException e) {
            ProblemDetail problem = e.getResponseBodyAs(ProblemDetail.class);
            throw new RunControlException(HttpStatus.valueOf(e.getStatusCode().value()),
                    problem != null && problem.getDetail() != null ? problem.getDetail() : e.getStatusText());
        } catch (ResourceAccessException e) {
            throw new RunControlException(HttpStatus.SERVICE_UNAVAILABLE,
                    "orchestrator-service cannot be reached: " + e.getMostSpecificCause().getMessage());
        }
    }

    /** The orchestrator refused (404, 409) or could not be reached (503); carries its reason. */
    public static class RunControlException extends RuntimeException {
        private final HttpStatus status;

        RunControlException(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }

        public HttpStatus status() {
            return status;
        }
    }
}
