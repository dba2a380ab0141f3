package io.tradingedu.api.upstream;

import io.tradingedu.support.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A call to another service of the suite that did not give what was asked, answered as a problem with the status,
 * type and words {@link UpstreamException} carries (and the field the service named). Ordered first, because the
 * shared advice's catch-all would otherwise answer it as a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UpstreamProblemAdvice {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> upstream(UpstreamException e) {
        ProblemDetail problem = Problems.of(e.status(), e.kind(), e.title(), e.getMessage());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status());
        if (e.retryAfter() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, e.retryAfter());
        }
        return answer.body(problem);
    }
}
