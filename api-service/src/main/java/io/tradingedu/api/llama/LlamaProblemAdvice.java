package io.tradingedu.api.llama;

import io.tradingedu.support.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The /llama endpoints' own problems, kept in this package so support's advice need not know the feature. Ordered
 * first, because the shared advice's catch-all would otherwise answer them as 500s.
 */
@RestControllerAdvice(assignableTypes = {ExamplesController.class, SummaryController.class,
        GenerateStrategyController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class LlamaProblemAdvice {

    @ExceptionHandler
    ProblemDetail upstream(UpstreamException e) {
        ProblemDetail problem = Problems.of(e.status(), e.kind(), e.title(), e.getMessage());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem;
    }
}
