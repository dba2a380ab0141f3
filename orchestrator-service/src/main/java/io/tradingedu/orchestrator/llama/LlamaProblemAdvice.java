package io.tradingedu.orchestrator.llama;

import io.tradingedu.support.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The summary endpoint's own problem, kept here so support's advice need not know the feature. */
@RestControllerAdvice(assignableTypes = SummaryController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class LlamaProblemAdvice {

    @ExceptionHandler
    ProblemDetail badRequest(BadSummaryRequestException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter",
                e.getMessage());
        problem.setProperty("field", e.field());
        return problem;
    }
}
