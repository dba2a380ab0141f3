package io.tradingedu.api.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradingedu.support.web.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * The run events as server-sent events, for the dashboard's Library page: pushed as the orchestrator announces them,
 * so no page polls the API. Read with {@code fetch} and a bearer header (an {@code EventSource} cannot send one).
 */
@RestController
@Tag(name = "Media")
class RunEventsController {

    /** SSE is UTF-8 by definition; Spring's plain-text default would be ISO-8859-1. */
    private static final MediaType FRAME = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);
    private static final String RETRY_AFTER_SECONDS = "10";

    private final RunEventHub hub;
    private final DashboardProperties properties;

    RunEventsController(RunEventHub hub, DashboardProperties properties) {
        this.hub = hub;
        this.properties = properties;
    }

    @GetMapping(path = "/media_items/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live run events of every media item (text/event-stream)",
            description = "One `run` event per pipeline change: a run's new status or stage (RunStatusChanged) and "
                    + "each accepted stage success (StageCompleted), as JSON with media_id, run_id, status, stage, "
                    + "stage_number, reason, summary and occurred_at. A comment line every DASHBOARD_HEARTBEAT on an "
                    + "idle stream; the stream ends after DASHBOARD_STREAM_TIMEOUT (reconnect then). Only events "
                    + "from the moment of connecting: read GET /media_items for the state so far. 503 with "
                    + "Retry-After when this instance serves DASHBOARD_MAX_STREAMS streams already, 429 when the "
                    + "caller's key has DASHBOARD_MAX_STREAMS_PER_CLIENT open here.")
    ResponseEntity<ResponseBodyEmitter> events(Principal caller, HttpServletRequest request) {
        ResponseBodyEmitter emitter = new ResponseBodyEmitter(
                properties.streamTimeout().plus(properties.heartbeat()).toMillis());
        String client = StreamClients.of(caller, request);
        RunEventHub.Subscription subscription = hub.subscribe(client, new RunEventHub.Sink() {
            @Override
            public void send(String frame) throws IOException {
                emitter.send(frame, FRAME);
            }

            @Override
            public void close() {
                emitter.complete();
            }
        });
        emitter.onTimeout(subscription::end);
        emitter.onError(error -> subscription.end());
        emitter.onCompletion(subscription::end);
        return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM)
                .cacheControl(CacheControl.noStore())
                // nginx would otherwise buffer the stream and deliver events late, in batches
                .header("X-Accel-Buffering", "no")
                .body(emitter);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooManyStreamsOfOneClient(RunEventHub.ClientStreamLimitReachedException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-event-streams-of-key",
                        "Too many live event streams for this key", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooManyStreams(RunEventHub.StreamLimitReachedException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "too-many-event-streams",
                        "Too many live event streams", e.getMessage()));
    }
}
